package com.coditect.pm.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads sprints by the access patterns of docs/access-patterns.md. */
@Singleton
public final class SprintRepository extends ItemRepository<SprintItem> {

  private final Queries queries;

  @Inject
  public SprintRepository(SingleTable table, Queries queries) {
    super(table, SprintItem.SCHEMA);
    this.queries = queries;
  }


  /** A sprint of the tenant: one GetItem. */
  public Optional<SprintItem> find(TenantId tenant, String sprintId) {
    return Optional.ofNullable(table.getItem(PmKeys.sprint(tenant, sprintId)));
  }

  /** A project's sprints by start date: one Query on GSI1. */
  public ResultPage<SprintItem> listByProject(TenantId tenant, String projectId, PageRequest page) {
    String partition = PmKeys.sprintsOfProject(tenant, projectId);
    return queries.page(table, TableItem.GSI1, keyEquals(partition), page, partition, false);
  }

  /** A project's sprints with a status, by start date: one Query on GSI2. */
  public ResultPage<SprintItem> listByStatus(TenantId tenant, String projectId, String status, PageRequest page) {
    String partition = PmKeys.sprintsWithStatus(tenant, projectId, status);
    return queries.page(table, TableItem.GSI2, keyEquals(partition), page, partition, false);
  }

  /** Sets the index keys from the sprint's project, status and start date. */
  public static void index(TenantId tenant, SprintItem sprint) {
    String byStartDate = sprint.startDate + "#" + sprint.id;
    sprint.gsi1pk = PmKeys.sprintsOfProject(tenant, sprint.projectId);
    sprint.gsi1sk = byStartDate;
    sprint.gsi2pk = PmKeys.sprintsWithStatus(tenant, sprint.projectId, sprint.status);
    sprint.gsi2sk = byStartDate;
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}

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

/** Reads milestones by the access patterns of docs/access-patterns.md. */
@Singleton
public final class MilestoneRepository extends ItemRepository<MilestoneItem> {

  private final Queries queries;

  @Inject
  public MilestoneRepository(SingleTable table, Queries queries) {
    super(table, MilestoneItem.SCHEMA);
    this.queries = queries;
  }


  /** A milestone of the tenant: one GetItem. */
  public Optional<MilestoneItem> find(TenantId tenant, String milestoneId) {
    return Optional.ofNullable(table.getItem(PmKeys.milestone(tenant, milestoneId)));
  }

  /** A project's milestones by due date, undated last: one Query on GSI1. */
  public ResultPage<MilestoneItem> listByProject(TenantId tenant, String projectId, PageRequest page) {
    String partition = PmKeys.milestonesOfProject(tenant, projectId);
    return queries.page(table, TableItem.GSI1, keyEquals(partition), page, partition, false);
  }

  /** A project's milestones with a status, by due date: one Query on GSI2. */
  public ResultPage<MilestoneItem> listByStatus(TenantId tenant, String projectId, String status, PageRequest page) {
    String partition = PmKeys.milestonesWithStatus(tenant, projectId, status);
    return queries.page(table, TableItem.GSI2, keyEquals(partition), page, partition, false);
  }

  /** Sets the index keys from the milestone's project, status and due date. */
  public static void index(TenantId tenant, MilestoneItem milestone) {
    String byDueDate = (milestone.dueDate == null ? PmKeys.NO_DUE_DATE : milestone.dueDate) + "#" + milestone.id;
    milestone.gsi1pk = PmKeys.milestonesOfProject(tenant, milestone.projectId);
    milestone.gsi1sk = byDueDate;
    milestone.gsi2pk = PmKeys.milestonesWithStatus(tenant, milestone.projectId, milestone.status);
    milestone.gsi2sk = byDueDate;
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }

  /**
   * Adds {@code total} and {@code done} (either may be negative or zero) to the milestone's task
   * counters, with {@code ADD} so that concurrent task writes never lose each other's counts;
   * fails with {@code onGone} unless the milestone exists and is one of {@code projectId}.
   */
  public void addTaskCounts(com.coditect.shared.store.WriteTransaction tx, TenantId tenant, String milestoneId,
      String projectId, long total, long done, java.util.function.Supplier<? extends RuntimeException> onGone) {
    // Fully qualified names keep this addition apart from the imports the milestone work changes.
    var condition = software.amazon.awssdk.enhanced.dynamodb.Expression.builder()
        .expression("attribute_exists(PK) AND project_id = :project")
        .expressionValues(java.util.Map.of(":project",
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(projectId)))
        .build();
    tx.update(PmKeys.milestone(tenant, milestoneId), "ADD task_total :total, task_done :done",
        java.util.Map.of(":total", count(total), ":done", count(done)), condition, onGone);
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue count(long n) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(n));
  }
}

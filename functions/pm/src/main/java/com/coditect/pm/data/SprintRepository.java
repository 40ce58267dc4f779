package com.coditect.pm.data;

import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads sprints by the access patterns of docs/access-patterns.md, and the write parts of a sprint's
 * lifecycle: its name and the project's one active slot as sentinels, and the checks its writes need.
 */
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
    return queries.page(table, ItemMeta.GSI1, keyEquals(partition), page, partition, false);
  }

  /** A project's sprints with a status, by start date: one Query on GSI2. */
  public ResultPage<SprintItem> listByStatus(TenantId tenant, String projectId, SprintStatus status, PageRequest page) {
    String partition = PmKeys.sprintsWithStatus(tenant, projectId, status.apiName());
    return queries.page(table, ItemMeta.GSI2, keyEquals(partition), page, partition, false);
  }

  /** A new sprint's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String sprintId, String now) {
    return ItemMeta.created(PmKeys.sprint(tenant, sprintId), SprintItem.ENTITY, now);
  }

  /** The sprint with its index keys set from its project, status and start date. */
  public static SprintItem indexed(TenantId tenant, SprintItem sprint) {
    String byStartDate = sprint.startDate() + "#" + sprint.id();
    return sprint.withIndex1(PmKeys.sprintsOfProject(tenant, sprint.projectId()), byStartDate)
        .withIndex2(PmKeys.sprintsWithStatus(tenant, sprint.projectId(), sprint.status().apiName()), byStartDate);
  }


  /** Adds the claim of the sprint's name in its project (any case); a clash is a 409 naming {@code name}. */
  public void claimName(WriteTransaction tx, TenantId tenant, SprintItem sprint) {
    tx.claimUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, PmKeys.inProject(sprint.projectId(), sprint.name()), sprint.id(),
        "name");
  }

  /** Renaming releases the old name and claims the new; a change of case only keeps the same sentinel. */
  public void moveName(WriteTransaction tx, TenantId tenant, SprintItem sprint, String oldName) {
    tx.moveUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, PmKeys.inProject(sprint.projectId(), oldName),
        PmKeys.inProject(sprint.projectId(), sprint.name()), sprint.id(), "name");
  }

  /** Adds the release of the sprint's name (a delete). */
  public void releaseName(WriteTransaction tx, TenantId tenant, SprintItem sprint) {
    tx.releaseUnique(tenant, PmKeys.UNIQUE_SPRINT_NAME, PmKeys.inProject(sprint.projectId(), sprint.name()));
  }

  /**
   * Adds the claim of the project's one active-sprint sentinel by {@code sprint}, a clash ending
   * in its own error ({@code onTaken}) rather than "the status is already in use".
   */
  public void claimActiveSlot(WriteTransaction tx, TenantId tenant, SprintItem sprint,
      Supplier<? extends RuntimeException> onTaken) {
    tx.claimUnique(tenant, PmKeys.UNIQUE_ACTIVE_SPRINT, sprint.projectId(), sprint.id(), onTaken);
  }

  /** Adds the release of the project's active-sprint sentinel (the active sprint completes or goes). */
  public void releaseActiveSlot(WriteTransaction tx, TenantId tenant, String projectId) {
    tx.releaseUnique(tenant, PmKeys.UNIQUE_ACTIVE_SPRINT, projectId);
  }

  /**
   * Adds a check that {@code sprintId} is a sprint of {@code projectId} that can still take tasks
   * (planned or active); {@code onFailed} otherwise.
   */
  public void requireOpenInProject(WriteTransaction tx, TenantId tenant, String sprintId, String projectId,
      Supplier<? extends RuntimeException> onFailed) {
    tx.require(PmKeys.sprint(tenant, sprintId), openSprintOfProject(projectId), onFailed);
  }

  /** Adds the hard delete of a sprint read at its version; {@code onStale} if it changed since. */
  public void delete(WriteTransaction tx, TenantId tenant, SprintItem sprint,
      Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(PmKeys.sprint(tenant, sprint.id()), sprint.version(), onStale);
  }


  private static Expression openSprintOfProject(String projectId) {
    return Expression.builder()
        .expression("project_id = :project AND #status IN (:planned, :active)")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(Map.of(":project", AttributeValue.fromS(projectId),
            ":planned", AttributeValue.fromS(SprintStatus.PLANNED.apiName()),
            ":active", AttributeValue.fromS(SprintStatus.ACTIVE.apiName())))
        .build();
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}

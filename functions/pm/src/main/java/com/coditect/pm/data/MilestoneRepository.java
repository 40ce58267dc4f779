package com.coditect.pm.data;

import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads milestones by the access patterns of docs/access-patterns.md, and the write parts of a
 * milestone: its title as a sentinel, and the in-place update that leaves the task counters alone.
 */
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
    return queries.page(table, ItemMeta.GSI1, keyEquals(partition), page, partition, false);
  }

  /** A project's milestones with a status, by due date: one Query on GSI2. */
  public ResultPage<MilestoneItem> listByStatus(TenantId tenant, String projectId, MilestoneStatus status,
      PageRequest page) {
    String partition = PmKeys.milestonesWithStatus(tenant, projectId, status.apiName());
    return queries.page(table, ItemMeta.GSI2, keyEquals(partition), page, partition, false);
  }

  /** A new milestone's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String milestoneId, String now) {
    return ItemMeta.created(PmKeys.milestone(tenant, milestoneId), MilestoneItem.ENTITY, now);
  }

  /** The milestone with its index keys set from its project, status and due date. */
  public static MilestoneItem indexed(TenantId tenant, MilestoneItem milestone) {
    String byDueDate = (milestone.dueDate() == null ? PmKeys.NO_DUE_DATE : milestone.dueDate()) + "#" + milestone.id();
    return milestone.withIndex1(PmKeys.milestonesOfProject(tenant, milestone.projectId()), byDueDate)
        .withIndex2(PmKeys.milestonesWithStatus(tenant, milestone.projectId(), milestone.status().apiName()),
            byDueDate);
  }


  /** Adds the claim of the milestone's title in its project (any case); a clash is a 409 naming {@code title}. */
  public void claimTitle(WriteTransaction tx, TenantId tenant, MilestoneItem milestone) {
    tx.claimUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, PmKeys.inProject(milestone.projectId(), milestone.title()),
        milestone.id(), "title");
  }

  /** Renaming releases the old title and claims the new; a change of case only keeps the same sentinel. */
  public void moveTitle(WriteTransaction tx, TenantId tenant, MilestoneItem milestone, String oldTitle) {
    tx.moveUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, PmKeys.inProject(milestone.projectId(), oldTitle),
        PmKeys.inProject(milestone.projectId(), milestone.title()), milestone.id(), "title");
  }

  /** Adds the release of the milestone's title (a delete). */
  public void releaseTitle(WriteTransaction tx, TenantId tenant, MilestoneItem milestone) {
    tx.releaseUnique(tenant, PmKeys.UNIQUE_MILESTONE_TITLE, PmKeys.inProject(milestone.projectId(), milestone.title()));
  }

  /** Adds the hard delete of a milestone read at its version; {@code onStale} if it changed since. */
  public void delete(WriteTransaction tx, TenantId tenant, MilestoneItem milestone,
      Supplier<? extends RuntimeException> onStale) {
    tx.deleteVersioned(PmKeys.milestone(tenant, milestone.id()), milestone.version(), onStale);
  }

  /**
   * Adds one in-place update of {@code read}'s item: {@code SET} for each attribute whose value
   * differs in {@code changed} (client fields, timestamps, version, index keys), {@code REMOVE} for
   * each it no longer has, conditional on the version read. The task counters are never written,
   * so an {@code ADD} by a task write between our read and this write is kept.
   */
  public void updateChanged(WriteTransaction tx, TenantId tenant, MilestoneItem read, MilestoneItem changed,
      Supplier<? extends RuntimeException> onStale) {
    Map<String, AttributeValue> old = MilestoneItem.SCHEMA.itemToMap(read, true);
    Map<String, AttributeValue> now = MilestoneItem.SCHEMA.itemToMap(changed, true);
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    TreeSet<String> attributes = new TreeSet<>(old.keySet());
    attributes.addAll(now.keySet());
    for (String attribute : attributes) {
      if (MilestoneItem.COUNTERS.contains(attribute) || Objects.equals(old.get(attribute), now.get(attribute))) {
        continue;
      }
      // Every name is aliased: status and others are DynamoDB reserved words.
      String alias = "#a" + names.size();
      names.put(alias, attribute);
      if (now.containsKey(attribute)) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, now.get(attribute));
        sets.add(alias + " = " + placeholder);
      } else {
        removes.add(alias);
      }
    }
    String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    Expression sameVersion = Expression.builder()
        .expression("version = :read_version")
        .expressionValues(Map.of(":read_version", AttributeValue.fromN(Long.toString(read.version()))))
        .expressionNames(names)
        .build();
    tx.update(PmKeys.milestone(tenant, read.id()), expression, values, sameVersion, onStale);
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

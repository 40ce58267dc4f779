package com.coditect.workflows.data;

import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.NodeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * A workflow's day aggregates ({@link WorkflowStatsItem}) and the marks of the events counted
 * ({@link StatsEventItem}): the reads and write parts of adding one event, and a period's read.
 */
@Singleton
public final class WorkflowStatsRepository extends ItemRepository<WorkflowStatsItem> {

  /** How long the mark of a counted event is kept: the bus redelivers an event for at most a day. */
  private static final long MARK_SECONDS = 2 * 24 * 3600;

  private final BatchGets batchGets;
  private final DynamoDbTable<StatsEventItem> marks;

  @Inject
  public WorkflowStatsRepository(SingleTable table, BatchGets batchGets) {
    super(table, WorkflowStatsItem.SCHEMA);
    this.batchGets = batchGets;
    this.marks = table.view(StatsEventItem.SCHEMA);
  }

  /** Where one scope's day aggregate of a version ({@code version} null: all versions) is. */
  public record Slot(String workflowId, Long version, String day, StatsScope scope, String subject) {

    Key key(TenantId tenant) {
      return Key.builder().partitionValue(WorkflowKeys.statsPartition(tenant, workflowId, version))
          .sortValue(WorkflowKeys.statsSort(day, scope.keyLabel(), subject)).build();
    }
  }

  /** The aggregates of {@code slots} as they are now (one GetItem or BatchGetItem); absent ones have no entry. */
  public Map<Slot, WorkflowStatsItem> read(TenantId tenant, Collection<Slot> slots) {
    BatchGets.Found found = batchGets.get(slots.stream().map(slot -> slot.key(tenant)).toList());
    Map<Slot, WorkflowStatsItem> items = new HashMap<>();
    for (Slot slot : slots) {
      found.item(slot.key(tenant), WorkflowStatsItem.SCHEMA).ifPresent(item -> items.put(slot, item));
    }
    return items;
  }

  /** An empty aggregate for {@code slot}, to be created. */
  public static WorkflowStatsItem empty(TenantId tenant, Slot slot, NodeType nodeType, String now) {
    return WorkflowStatsItem.builder()
        .meta(ItemMeta.created(slot.key(tenant), WorkflowStatsItem.ENTITY, now))
        .workflowId(slot.workflowId()).workflowVersion(slot.version()).day(slot.day())
        .scope(slot.scope()).subject(slot.subject()).nodeType(nodeType)
        .runs(0L).failures(0L).retries(0L).started(0L).completed(0L).failed(0L).cancelled(0L)
        .approved(0L).rejected(0L).expired(0L)
        .build();
  }

  /**
   * Adds the write of an aggregate: created if {@code readVersion} is null (nobody may have made it
   * meanwhile), else replaced if still at {@code readVersion}; {@code onStale} otherwise.
   */
  public void save(WriteTransaction tx, WorkflowStatsItem item, Long readVersion,
      Supplier<? extends RuntimeException> onStale) {
    if (readVersion == null) {
      create(tx, item, onStale);
    } else {
      replace(tx, item, readVersion, onStale);
    }
  }

  /** Adds the mark that {@code eventId} is counted; {@code onCounted} if it already was. */
  public void markCounted(WriteTransaction tx, TenantId tenant, String eventId, long nowEpochSeconds, String now,
      Supplier<? extends RuntimeException> onCounted) {
    Key key = Key.builder().partitionValue(WorkflowKeys.statsEventPartition(tenant, eventId))
        .sortValue(WorkflowKeys.statsEventSort()).build();
    StatsEventItem mark = StatsEventItem.builder()
        .meta(ItemMeta.created(key, StatsEventItem.ENTITY, now).withTtl(nowEpochSeconds + MARK_SECONDS))
        .eventId(eventId).build();
    tx.create(marks, mark, onCounted);
  }

  /**
   * Every day aggregate of a workflow's version ({@code version} null: all versions) from day
   * {@code fromDay} to {@code toDay}, both included: one Query, paged through (a period's items are
   * few: one per scope and day).
   */
  public List<WorkflowStatsItem> period(TenantId tenant, String workflowId, Long version, String fromDay,
      String toDay) {
    String partition = WorkflowKeys.statsPartition(tenant, workflowId, version);
    QueryConditional between = QueryConditional.sortBetween(
        Key.builder().partitionValue(partition).sortValue(WorkflowKeys.statsFromSort(fromDay)).build(),
        Key.builder().partitionValue(partition).sortValue(WorkflowKeys.statsToSort(toDay)).build());
    List<WorkflowStatsItem> items = new ArrayList<>();
    table.query(QueryEnhancedRequest.builder().queryConditional(between).consistentRead(true).build())
        .items().forEach(items::add);
    return items;
  }
}

package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** The event-trigger rows of a tenant's active workflows (written by the lifecycle, read by the triggers part). */
@Singleton
public final class EventTriggerRepository extends ItemRepository<EventTriggerItem> {

  private final Queries queries;

  @Inject
  public EventTriggerRepository(SingleTable table, Queries queries) {
    super(table, EventTriggerItem.SCHEMA);
    this.queries = queries;
  }

  /** One page of the tenant's event triggers: one Query. */
  public ResultPage<EventTriggerItem> listOfTenant(TenantId tenant, PageRequest page) {
    String partition = WorkflowKeys.eventTriggersPartition(tenant);
    return queries.page(table, null, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        page, partition, false);
  }

  /** Adds the (re)writing of a workflow's row: it starts the given version on events matching {@code pattern}. */
  public void put(WriteTransaction tx, TenantId tenant, String workflowId, long workflowVersion, String pattern,
      String now) {
    put(tx, EventTriggerItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.eventTrigger(tenant, workflowId), EventTriggerItem.ENTITY).withCreatedAt(now)
            .withUpdatedAt(now))
        .workflowId(workflowId)
        .workflowVersion(workflowVersion)
        .pattern(pattern)
        .build());
  }

  /** Adds the removal of a workflow's row (none there is no error). */
  public void remove(WriteTransaction tx, TenantId tenant, String workflowId) {
    tx.delete(WorkflowKeys.eventTrigger(tenant, workflowId));
  }
}

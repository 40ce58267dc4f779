package com.coditect.workflows.data;

import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** What the triggers read: a webhook's secret and workflow together; a tenant's event triggers; a workflow. */
@Singleton
public final class TriggerReads {

  /** A webhook's secret and workflow, either absent when not there. */
  public record HookTarget(Optional<HookSecretItem> secret, Optional<WorkflowItem> workflow) {}

  private final BatchGets batchGets;
  private final DynamoDbTable<EventTriggerItem> eventTriggers;

  @Inject
  public TriggerReads(SingleTable table, BatchGets batchGets) {
    this.batchGets = batchGets;
    this.eventTriggers = table.view(EventTriggerItem.SCHEMA);
  }

  /** The webhook's secret and its workflow: one BatchGetItem. */
  public HookTarget hookTarget(TenantId tenant, String workflowId) {
    Key secret = WorkflowKeys.hookSecret(tenant, workflowId);
    Key workflow = WorkflowKeys.workflow(tenant, workflowId);
    BatchGets.Found found = batchGets.get(List.of(secret, workflow));
    return new HookTarget(found.item(secret, HookSecretItem.SCHEMA), found.item(workflow, WorkflowItem.SCHEMA));
  }

  /** A workflow: one consistent GetItem. */
  public Optional<WorkflowItem> workflow(TenantId tenant, String workflowId) {
    Key key = WorkflowKeys.workflow(tenant, workflowId);
    return batchGets.get(List.of(key)).item(key, WorkflowItem.SCHEMA);
  }

  /**
   * The tenant's event triggers: one Query of its trigger partition (a row is a few hundred bytes,
   * so a tenant's rows fit one 1 MB page; more pages are read if not).
   */
  public List<EventTriggerItem> eventTriggers(TenantId tenant) {
    QueryConditional rows = QueryConditional.sortBeginsWith(Key.builder()
        .partitionValue(WorkflowKeys.eventTriggersPartition(tenant)).sortValue(WorkflowKeys.EVENT + "#").build());
    List<EventTriggerItem> found = new ArrayList<>();
    eventTriggers.query(r -> r.queryConditional(rows).consistentRead(true)).items().forEach(found::add);
    return found;
  }
}

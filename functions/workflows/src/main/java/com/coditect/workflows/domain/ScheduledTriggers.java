package com.coditect.workflows.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.TriggerReads;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.model.TriggerType;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Scheduled triggers: a workflow's recurring schedule fired ({@code schedule.fired}), and the
 * workflow, if still active, gets an execution (one GetItem, then one transaction). The execution
 * id is derived from the firing, so a redelivered firing asks for nothing more. A schedule left
 * behind by a workflow paused or archived meanwhile starts nothing.
 */
@Singleton
public final class ScheduledTriggers {

  public static final String DETAIL_TYPE = "schedule.fired";
  private static final Actor ACTOR = Actor.system("workflows/schedule");
  private static final Log LOG = Log.forClass(ScheduledTriggers.class);

  private final TriggerReads reads;
  private final TriggerRequestWriter writer;

  @Inject
  ScheduledTriggers(TriggerReads reads, TriggerRequestWriter writer) {
    this.reads = reads;
    this.writer = writer;
  }

  /**
   * Handles one firing ({@code firingId}: the delivered event's id, the same on a redelivery;
   * {@code firedAt}: its time); returns the execution asked for, if any.
   */
  public Optional<String> fired(TenantId tenant, String workflowId, String firingId, Instant firedAt) {
    Optional<WorkflowItem> workflow = reads.workflow(tenant, workflowId).filter(found -> !found.isDeleted());
    if (workflow.isEmpty() || workflow.get().status() != WorkflowStatus.ACTIVE) {
      LOG.info("schedule fired for a workflow that is not active; nothing started", "workflow_id", workflowId);
      return Optional.empty();
    }
    String executionId = ExecutionIds.derived(firingId, workflowId, firedAt);
    ObjectNode trigger = JsonNodeFactory.instance.objectNode();
    trigger.put("fired_at", Timestamps.format(firedAt));
    if (!writer.requestOnce(tenant, ACTOR, executionId, workflowId, TriggerType.SCHEDULED,
        JsonNodeFactory.instance.objectNode(), trigger)) {
      LOG.info("schedule firing already asked for an execution", "workflow_id", workflowId);
      return Optional.empty();
    }
    LOG.info("scheduled trigger fired", "workflow_id", workflowId, "execution_id", executionId);
    return Optional.of(executionId);
  }
}

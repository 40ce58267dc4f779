package com.coditect.workflows.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * How a trigger asks for an execution: an {@code execution.requested} event in the transaction of
 * the trigger's own receipt. Triggers never write executions; the engine creates the execution with
 * this id if it does not exist and the workflow is still active.
 */
@Singleton
public final class ExecutionRequests {

  /** The largest context or trigger data an execution takes (as JSON text, UTF-8). */
  public static final int MAX_DATA_BYTES = 64 * 1024;
  static final String ACTION = "execution.requested";

  private final Outbox outbox;

  @Inject
  ExecutionRequests(Outbox outbox) {
    this.outbox = outbox;
  }

  public void request(WriteTransaction tx, TenantId tenant, Actor actor, String executionId, String workflowId,
      TriggerType triggerType, JsonNode contextData, JsonNode triggerData) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("workflow_id", workflowId);
    extra.put("trigger_type", triggerType.apiName());
    // Triggers act for nobody the tenant knows: the engine takes null as the system.
    extra.put("triggered_by", null);
    extra.put("context_data", contextData);
    extra.put("trigger_data", triggerData);
    outbox.recordWithDetail(tx, tenant, actor, ACTION, "execution", executionId, Map.of(), extra);
  }
}

package com.coditect.workflows;

import com.coditect.shared.store.Ids;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code step.started} event of an approval step (node {@code review}), shaped as the engine
 * records it: what the approvals part makes approvals from. Public, in this module's test-jar, for
 * the bench too.
 */
public final class ApprovalStepEvents {

  private ApprovalStepEvents() {}

  /** The event's detail; {@code requestedBy} may be null (a trigger started the execution). */
  public static ObjectNode started(String tenantId, String workflowId, String executionId, String stepId,
      ObjectNode config, String requestedBy) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", tenantId);
    detail.put("action", "step.started");
    detail.put("resource_type", "execution");
    detail.put("resource_id", executionId);
    detail.put("workflow_id", workflowId);
    detail.put("workflow_version", 1);
    detail.put("step_id", stepId);
    detail.put("node_id", "review");
    detail.put("node_type", "approval");
    detail.put("node_name", "Review");
    detail.put("attempt", 1);
    detail.set("config", config);
    detail.put("requested_by", requestedBy);
    detail.putObject("context");
    return detail;
  }
}

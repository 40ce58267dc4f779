package com.coditect.workflows.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code PATCH /v1/workflows/{workflow_id}}: any of the workflow's own fields, the definition and
 * triggers whole, and {@code rotate_webhook_secret: true} for a new webhook secret. The status is
 * changed by publish, pause and archive only.
 */
public record UpdateWorkflowRequest(Patch<String> name, Patch<String> description, Patch<WorkflowType> workflowType,
    Patch<String> projectId, Patch<ObjectNode> definition, Patch<ArrayNode> triggers, boolean rotateWebhookSecret) {

  public static UpdateWorkflowRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("status", "changes by POST .../publish, .../pause and .../archive");
    fields.reject("version", "is not set: editing the definition or triggers of a published workflow makes the next");
    Patch<String> name = fields.patchString("name", WorkflowFields.NAME_MAX, false);
    Patch<String> description = fields.patchString("description", WorkflowFields.DESCRIPTION_MAX, true);
    Patch<WorkflowType> type = fields.patchChoice("workflow_type", WorkflowType.class, false);
    Patch<String> projectId = fields.patchUuid("project_id", true);
    Patch<ObjectNode> definition = fields.patchObject("definition", false);
    if (definition.isPresent() && definition.value() != null) {
      WorkflowFields.checkDefinition(fields, definition.value());
    }
    Patch<ArrayNode> triggers = Patch.absent();
    if (fields.has("triggers")) {
      boolean isNull = body.get("triggers").isNull();
      ArrayNode list = fields.optionalArray("triggers");
      if (isNull) {
        fields.error("triggers", "cannot be null; send [] for none");
      } else if (list != null) {
        WorkflowFields.checkTriggers(fields, list);
        triggers = Patch.of(list);
      }
    }
    Patch<Boolean> rotate = fields.patchBoolean("rotate_webhook_secret", false);
    fields.finish();
    return new UpdateWorkflowRequest(name, description, type, projectId, definition, triggers,
        rotate.isPresent() && Boolean.TRUE.equals(rotate.value()));
  }

  /** True when nothing but the secret's rotation is asked. */
  public boolean changesDefinitionOrTriggers() {
    return definition.isPresent() || triggers.isPresent();
  }
}

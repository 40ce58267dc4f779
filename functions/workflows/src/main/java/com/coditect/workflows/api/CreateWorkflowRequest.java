package com.coditect.workflows.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/workflows}: every workflow starts a draft at version 1. Its definition (default:
 * no nodes, no edges) and triggers (default: none) are stored as sent once their shape is right.
 */
public record CreateWorkflowRequest(String name, String description, WorkflowType workflowType, String projectId,
    ObjectNode definition, ArrayNode triggers) {

  public static CreateWorkflowRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.reject("status", "is not chosen at creation: a workflow starts a draft and changes by publish, pause and"
        + " archive");
    fields.reject("version", "is not chosen: a workflow starts at version 1 and editing a published one makes the next");
    String name = fields.requiredString("name", WorkflowFields.NAME_MAX);
    String description = fields.optionalString("description", WorkflowFields.DESCRIPTION_MAX);
    WorkflowType type = fields.optionalChoice("workflow_type", WorkflowType.class);
    String projectId = fields.optionalUuid("project_id");
    ObjectNode definition = fields.optionalObject("definition");
    if (definition != null) {
      WorkflowFields.checkDefinition(fields, definition);
    }
    ArrayNode triggers = fields.optionalArray("triggers");
    if (triggers != null) {
      WorkflowFields.checkTriggers(fields, triggers);
    }
    fields.finish();
    return new CreateWorkflowRequest(name, description, type == null ? WorkflowType.CUSTOM : type, projectId,
        definition == null ? emptyDefinition() : definition,
        triggers == null ? JsonNodeFactory.instance.arrayNode() : triggers);
  }

  private static ObjectNode emptyDefinition() {
    ObjectNode definition = JsonNodeFactory.instance.objectNode();
    definition.putArray("nodes");
    definition.putArray("edges");
    return definition;
  }
}

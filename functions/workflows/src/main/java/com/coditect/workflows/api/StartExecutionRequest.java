package com.coditect.workflows.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /v1/workflows/{workflow_id}/executions}: the manual trigger, with the execution's context. */
public record StartExecutionRequest(ObjectNode contextData) {

  public static StartExecutionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    ObjectNode context = fields.optionalObject("context_data");
    fields.finish();
    return new StartExecutionRequest(context == null ? JsonNodeFactory.instance.objectNode() : context);
  }
}

package com.coditect.workflows.api;

import com.coditect.shared.json.Json;
import com.coditect.workflows.data.ExecutionItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** An execution as the API shows it (spec Domain 3.2). */
public record ExecutionResponse(
    String id, String workflowId, long workflowVersion, String status, String triggerType, String triggeredBy,
    String currentStep, String startedAt, String completedAt, String errorMessage, JsonNode contextData,
    JsonNode triggerData, String createdAt, String updatedAt) {

  public static ExecutionResponse from(ExecutionItem item) {
    return new ExecutionResponse(item.id(), item.workflowId(), item.workflowVersion(), item.status().apiName(),
        item.triggerType().apiName(), item.triggeredBy(), item.currentStep(), item.startedAt(), item.completedAt(),
        item.errorMessage(), json(item.contextData()), json(item.triggerData()), item.createdAt(), item.updatedAt());
  }

  static JsonNode json(String text) {
    return text == null ? NullNode.instance : Json.readTree(text);
  }
}

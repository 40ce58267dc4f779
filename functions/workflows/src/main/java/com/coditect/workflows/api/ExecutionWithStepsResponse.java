package com.coditect.workflows.api;

import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.StepItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An execution with its steps in the order they were made ({@code GET /v1/executions/{id}}). */
public record ExecutionWithStepsResponse(
    String id, String workflowId, long workflowVersion, String status, String triggerType, String triggeredBy,
    String currentStep, String startedAt, String completedAt, String errorMessage, JsonNode contextData,
    JsonNode triggerData, String createdAt, String updatedAt, List<StepResponse> steps) {

  public static ExecutionWithStepsResponse from(ExecutionItem item, List<StepItem> steps) {
    ExecutionResponse execution = ExecutionResponse.from(item);
    return new ExecutionWithStepsResponse(execution.id(), execution.workflowId(), execution.workflowVersion(),
        execution.status(), execution.triggerType(), execution.triggeredBy(), execution.currentStep(),
        execution.startedAt(), execution.completedAt(), execution.errorMessage(), execution.contextData(),
        execution.triggerData(), execution.createdAt(), execution.updatedAt(),
        steps.stream().map(StepResponse::from).toList());
  }
}

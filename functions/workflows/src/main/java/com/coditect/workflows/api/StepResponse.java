package com.coditect.workflows.api;

import com.coditect.workflows.data.StepItem;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of an execution (spec Domain 3.3): {@code step_id} is the node id in the definition,
 * {@code id} the step's own.
 */
public record StepResponse(
    String id, String executionId, String stepId, String stepName, String stepType, String status, Integer attempt,
    String startedAt, String completedAt, JsonNode inputData, JsonNode outputData, String errorMessage,
    String createdAt) {

  public static StepResponse from(StepItem item) {
    return new StepResponse(item.id(), item.executionId(), item.stepId(), item.stepName(), item.stepType().apiName(),
        item.status().apiName(), item.attempt(), item.startedAt(), item.completedAt(),
        ExecutionResponse.json(item.inputData()), ExecutionResponse.json(item.outputData()), item.errorMessage(),
        item.createdAt());
  }
}

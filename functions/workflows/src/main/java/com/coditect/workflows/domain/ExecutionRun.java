package com.coditect.workflows.domain;

import com.coditect.shared.json.Json;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.StepItem;
import com.coditect.workflows.model.StepStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * An execution as the engine reads it for one event: the execution, its steps (oldest first) and
 * the definition of the version it is pinned to.
 */
public record ExecutionRun(ExecutionItem execution, List<StepItem> steps, WorkflowDefinition definition) {

  public Optional<StepItem> step(String stepId) {
    return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
  }

  /**
   * The input of every JSONata expression: {@code {"context", "steps": {<node id>: {"output"}},
   * "trigger"}}, a node's output being that of its latest completed step.
   */
  public ObjectNode expressionInput() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.set("context", json(execution.contextData()));
    ObjectNode outputs = input.putObject("steps");
    for (StepItem step : steps) {
      if (step.status() == StepStatus.COMPLETED) {
        outputs.putObject(step.stepId()).set("output", json(step.outputData()));
      }
    }
    input.set("trigger", json(execution.triggerData()));
    return input;
  }

  static JsonNode json(String text) {
    return text == null || text.isEmpty() ? NullNode.instance : Json.readTree(text);
  }
}

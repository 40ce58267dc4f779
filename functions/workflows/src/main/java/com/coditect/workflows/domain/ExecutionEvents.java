package com.coditect.workflows.domain;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.StepItem;
import com.coditect.workflows.domain.WorkflowDefinition.Node;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's state kept on the execution item (join arrivals, loop runs, steps made) and the
 * detail fields of the execution and step events (common.md's contract).
 */
final class ExecutionEvents {

  private ExecutionEvents() {}

  static Transitions.State state(ExecutionItem execution) {
    return new Transitions.State(counts(execution.joinArrivals()), counts(execution.loopIterations()),
        execution.stepCount() == null ? 0 : execution.stepCount().intValue());
  }

  static ExecutionItem withState(ExecutionItem execution, Transitions.State state) {
    return execution.withJoinArrivals(state.joinArrivals().isEmpty() ? null : JsonText.write(state.joinArrivals()))
        .withLoopIterations(state.loopIterations().isEmpty() ? null : JsonText.write(state.loopIterations()))
        .withStepCount((long) state.stepCount());
  }

  static Map<String, Object> executionDetail(ExecutionItem execution) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("workflow_id", execution.workflowId());
    extra.put("workflow_version", execution.workflowVersion());
    extra.put("trigger_type", execution.triggerType().apiName());
    extra.put("status", execution.status().apiName());
    extra.put("started_at", execution.startedAt());
    extra.put("completed_at", execution.completedAt());
    extra.put("error_message", execution.errorMessage());
    return extra;
  }

  static Map<String, Object> stepDetail(ExecutionItem execution, StepItem step, Node node) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("workflow_id", execution.workflowId());
    extra.put("workflow_version", execution.workflowVersion());
    extra.put("step_id", step.id());
    extra.put("node_id", node.id());
    extra.put("node_type", node.type().apiName());
    extra.put("node_name", node.name());
    extra.put("attempt", step.attempt());
    extra.put("created_at", step.createdAt());
    extra.put("started_at", step.startedAt());
    return extra;
  }

  private static Map<String, Integer> counts(String json) {
    Map<String, Integer> counts = new HashMap<>();
    if (json != null) {
      JsonNode tree = ExecutionRun.json(json);
      tree.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asInt()));
    }
    return counts;
  }
}

package com.coditect.workflows.domain;

import com.coditect.shared.domain.Choice;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.NodeType;
import com.coditect.workflows.model.StepStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a diagram draws: the definition's nodes and edges, each node with its analysis (p90
 * duration, failure rate, and its {@link #heat}) and, when an execution is
 * drawn, where that execution went. Read leniently from the stored definition: a draft may not be
 * valid yet, so an unknown node type is drawn as a plain step and an edge to a missing node is left
 * out.
 */
public record DiagramModel(List<Node> nodes, List<Edge> edges, long maxP90Millis, boolean withExecution) {

  /** Where an execution stands at a node. */
  public enum PathState {
    /** No execution drawn. */
    NONE,
    /** The execution has not reached it. */
    NOT_REACHED,
    COMPLETED,
    FAILED,
    SKIPPED,
    /** Running or waiting there now. */
    CURRENT
  }

  /** One node: {@code type} null when the definition names a type that does not exist. */
  public record Node(String id, @Nullable NodeType type, String name, @Nullable Long p90Millis,
      @Nullable Double failureRate, long runs, @Nullable Double heat, PathState state) {}

  /**
   * One edge; {@code label} the condition or the outcome it follows (null: plain success);
   * {@code taken} by the drawn execution.
   */
  public record Edge(String from, String to, @Nullable String label, boolean taken) {}

  /** A step of the drawn execution: which node, in what status. */
  public record StepState(String nodeId, StepStatus status) {}

  /**
   * The model of {@code definition} (the stored JSON) coloured by {@code steps} (an analysis' step
   * rows) and, when {@code executionSteps} is not null, that execution's path ({@code currentNode}
   * the node it is at, if it still runs).
   */
  public static DiagramModel of(JsonNode definition, List<AnalysisResponse.Step> steps,
      @Nullable List<StepState> executionSteps, @Nullable String currentNode) {
    Map<String, AnalysisResponse.Step> byNode = new HashMap<>();
    steps.forEach(step -> byNode.put(step.nodeId(), step));
    long maxP90 = steps.stream().filter(step -> step.durationMs() != null)
        .mapToLong(step -> step.durationMs().p90()).max().orElse(0);
    Map<String, PathState> states = executionSteps == null ? Map.of() : states(executionSteps, currentNode);

    Map<String, Node> nodes = new LinkedHashMap<>();
    for (JsonNode node : definition.path("nodes")) {
      String id = node.path("id").asText("");
      if (id.isEmpty() || nodes.containsKey(id)) {
        continue;
      }
      NodeType type = Choice.fromApiName(NodeType.class, node.path("type").asText("")).orElse(null);
      String name = node.path("name").isTextual() && !node.path("name").asText().isBlank()
          ? node.path("name").asText() : id;
      AnalysisResponse.Step analysis = byNode.get(id);
      Long p90 = analysis == null || analysis.durationMs() == null ? null : analysis.durationMs().p90();
      Double heat = p90 == null ? null : heat(p90, maxP90);
      PathState state = executionSteps == null ? PathState.NONE : states.getOrDefault(id, PathState.NOT_REACHED);
      nodes.put(id, new Node(id, type, name, p90, analysis == null ? null : analysis.failureRate(),
          analysis == null ? 0 : analysis.count(), heat, state));
    }
    List<Edge> edges = new ArrayList<>();
    List<EdgeOutcome> outcomes = new ArrayList<>();
    for (JsonNode edge : definition.path("edges")) {
      String from = edge.path("from").asText("");
      String to = edge.path("to").asText("");
      if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
        continue;
      }
      EdgeOutcome on = Choice.fromApiName(EdgeOutcome.class, edge.path("on").asText("success"))
          .orElse(EdgeOutcome.SUCCESS);
      String condition = edge.path("condition").isTextual() ? edge.path("condition").asText() : null;
      String label = condition != null ? condition : on == EdgeOutcome.SUCCESS ? null : on.apiName();
      edges.add(new Edge(from, to, label, false));
      outcomes.add(on);
    }
    if (executionSteps != null) {
      Set<Integer> taken = taken(edges, outcomes, executionSteps, nodes);
      for (int i = 0; i < edges.size(); i++) {
        Edge edge = edges.get(i);
        edges.set(i, new Edge(edge.from(), edge.to(), edge.label(), taken.contains(i)));
      }
    }
    return new DiagramModel(List.copyOf(nodes.values()), List.copyOf(edges), maxP90, executionSteps != null);
  }

  /**
   * A node's heat (0 to 1): its p90 against the slowest node's on a logarithmic scale. Step
   * durations span milliseconds to days; on a linear scale one slow approval would leave every
   * other node the same pale colour, while the log scale still tells 2 s from 2 ms.
   */
  public static double heat(long p90Millis, long maxP90Millis) {
    return maxP90Millis <= 0 ? 0.0 : Math.log1p(Math.max(0, p90Millis)) / Math.log1p(maxP90Millis);
  }

  /** The p90 whose heat is {@code heat} when the slowest is {@code maxP90Millis} (the legend's marks). */
  public static long p90AtHeat(double heat, long maxP90Millis) {
    return Math.round(Math.expm1(heat * Math.log1p(maxP90Millis)));
  }

  /**
   * A node's state from its steps: the latest step decides (a node run again in a loop is where
   * its last run left it), and the node the execution is at is current.
   */
  private static Map<String, PathState> states(List<StepState> steps, @Nullable String currentNode) {
    Map<String, PathState> states = new HashMap<>();
    for (StepState step : steps) {
      states.put(step.nodeId(), switch (step.status()) {
        case COMPLETED -> PathState.COMPLETED;
        case FAILED -> PathState.FAILED;
        case SKIPPED -> PathState.SKIPPED;
        case PENDING, RUNNING -> PathState.CURRENT;
      });
    }
    if (currentNode != null && states.containsKey(currentNode) && states.get(currentNode) != PathState.FAILED) {
      states.put(currentNode, PathState.CURRENT);
    }
    return states;
  }

  /**
   * The edges the execution went along, from its steps in order of creation: each step of a node
   * came in along the edge from the node that most recently ended before it the way the edge
   * follows (completed for a success edge, failed for an error or timeout edge); a join came in
   * along every such edge, as it waits for all its branches.
   */
  private static Set<Integer> taken(List<Edge> edges, List<EdgeOutcome> outcomes, List<StepState> steps,
      Map<String, Node> nodes) {
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      String nodeId = steps.get(i).nodeId();
      boolean join = nodes.containsKey(nodeId) && nodes.get(nodeId).type() == NodeType.JOIN;
      int best = -1;
      int bestAt = -1;
      for (int e = 0; e < edges.size(); e++) {
        if (!edges.get(e).to().equals(nodeId)) {
          continue;
        }
        int at = lastEnded(steps, i, edges.get(e).from(), outcomes.get(e));
        if (at < 0) {
          continue;
        }
        if (join) {
          taken.add(e);
        } else if (at > bestAt) {
          best = e;
          bestAt = at;
        }
      }
      if (best >= 0) {
        taken.add(best);
      }
    }
    return taken;
  }

  /** The index of the last step of {@code nodeId} before {@code before} that ended as {@code on} follows, or -1. */
  private static int lastEnded(List<StepState> steps, int before, String nodeId, EdgeOutcome on) {
    StepStatus wanted = on == EdgeOutcome.SUCCESS ? StepStatus.COMPLETED : StepStatus.FAILED;
    for (int j = before - 1; j >= 0; j--) {
      if (steps.get(j).nodeId().equals(nodeId) && steps.get(j).status() == wanted) {
        return j;
      }
    }
    return -1;
  }
}

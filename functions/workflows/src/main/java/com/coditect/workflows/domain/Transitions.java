package com.coditect.workflows.domain;

import com.coditect.workflows.domain.WorkflowDefinition.Edge;
import com.coditect.workflows.domain.WorkflowDefinition.Node;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.NodeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine's rules, without storage: given a definition, an execution's state and one node that
 * finished with an outcome, what happens next. A node follows the edges of its outcome: a
 * {@code parallel} node every one (fan-out); any other node the first edge whose JSONata condition
 * holds, in definition order, else the edge without condition (the default). A timeout with no
 * timeout edge follows the error edges; an error (or timeout) with no edge to follow fails the
 * execution. A {@code join} starts once no branch can still arrive: when a branch reaches it and
 * no other open step of the execution (nor a node started by the same decision) has a path to it.
 * A branch that was never started (a parallel edge whose condition did not hold) or that a condition
 * sent along another path into the join is therefore not waited for. A condition node with
 * {@code max_iterations} fails the execution when a loop runs it more often; and no execution makes
 * more than {@link #stepCap()} steps, so a runaway loop fails cleanly. An {@code end} node completes
 * the execution.
 */
public final class Transitions {

  /** Steps per execution unless configured otherwise. */
  public static final int DEFAULT_STEP_CAP = 500;

  private final int stepCap;

  public Transitions(int stepCap) {
    this.stepCap = stepCap;
  }

  public int stepCap() {
    return stepCap;
  }

  /** Where an execution stands between steps: join arrivals, loop runs, steps made. */
  public record State(Map<String, Integer> joinArrivals, Map<String, Integer> loopIterations, int stepCount) {
    public State {
      joinArrivals = Map.copyOf(joinArrivals);
      loopIterations = Map.copyOf(loopIterations);
    }

    public static State initial() {
      return new State(Map.of(), Map.of(), 0);
    }
  }

  /** What happens after a node finished. */
  public sealed interface Decision {
    State state();
  }

  /** Start these nodes (each a new step; empty while a join still waits for other branches). */
  public record Continue(List<String> start, State state) implements Decision {}

  /** An end node finished: the execution completed. */
  public record Complete(State state) implements Decision {}

  /** The execution failed with {@code message}; the node that finished is the failed step. */
  public record Fail(String message, State state) implements Decision {}

  /**
   * The first step of an execution: its start node, counted against the cap.
   */
  public Continue begin(WorkflowDefinition definition) {
    return new Continue(List.of(definition.start().id()), new State(Map.of(), Map.of(), 1));
  }

  /**
   * What follows {@code nodeId} finishing with {@code outcome}.
   *
   * @param error the node's error message (for an error or timeout), carried into a failure
   * @param condition evaluates an edge's JSONata condition; it may throw
   *     {@link Expressions.ExpressionException}, which fails the execution with its message
   * @param otherOpen the nodes of the execution's other open steps (running, waiting or pending):
   *     the branches a join may still wait for
   */
  public Decision after(WorkflowDefinition definition, State state, String nodeId, EdgeOutcome outcome,
      @Nullable String error, Predicate<String> condition, Collection<String> otherOpen) {
    Node node = definition.node(nodeId).orElseThrow(() -> new IllegalArgumentException("no node " + nodeId));
    if (outcome == EdgeOutcome.SUCCESS && node.type() == NodeType.END) {
      return new Complete(state);
    }
    List<Edge> edges = definition.edgesFrom(nodeId, outcome);
    if (edges.isEmpty() && outcome == EdgeOutcome.TIMEOUT) {
      edges = definition.edgesFrom(nodeId, EdgeOutcome.ERROR);
    }
    List<Edge> taken;
    try {
      taken = node.type() == NodeType.PARALLEL && outcome == EdgeOutcome.SUCCESS
          ? edges.stream().filter(edge -> edge.condition() == null || condition.test(edge.condition())).toList()
          : chooseOne(edges, condition);
    } catch (Expressions.ExpressionException e) {
      return new Fail("Node " + nodeId + ": " + e.getMessage(), state);
    }
    if (taken.isEmpty()) {
      return new Fail(switch (outcome) {
        case SUCCESS -> "Node " + nodeId + " has no edge to follow (no condition held and there is no default edge).";
        case ERROR -> "Node " + nodeId + " failed" + (error == null ? "." : ": " + error);
        case TIMEOUT -> "Node " + nodeId + " timed out" + (error == null ? "." : ": " + error);
      }, state);
    }

    Map<String, Integer> arrivals = new LinkedHashMap<>(state.joinArrivals());
    Map<String, Integer> iterations = new LinkedHashMap<>(state.loopIterations());
    List<String> start = new ArrayList<>();
    // Joins last: a branch this decision starts (a parallel fanning out) is one a join waits for.
    List<Node> targets = new ArrayList<>();
    for (Edge edge : taken) {
      targets.add(definition.node(edge.to()).orElseThrow(() -> new IllegalArgumentException("no node " + edge.to())));
    }
    targets.sort(Comparator.comparing(target -> target.type() == NodeType.JOIN));
    for (Node next : targets) {
      if (next.type() == NodeType.JOIN) {
        List<String> stillOpen = new ArrayList<>(otherOpen);
        stillOpen.addAll(start);
        if (definition.leadsTo(stillOpen, next.id())) {
          arrivals.merge(next.id(), 1, Integer::sum);
          continue;
        }
        // No branch can still arrive: the join runs, and a loop around it waits for its branches again.
        arrivals.remove(next.id());
      }
      if (next.config().has("max_iterations")) {
        int runs = iterations.getOrDefault(next.id(), 0) + 1;
        int max = next.config().path("max_iterations").asInt();
        if (runs > max) {
          return new Fail("The loop through node " + next.id() + " ran more than its max_iterations (" + max + ").",
              state);
        }
        iterations.put(next.id(), runs);
      }
      start.add(next.id());
    }
    if (state.stepCount() + start.size() > stepCap) {
      return new Fail("The execution reached the cap of " + stepCap + " steps (a loop without end?).", state);
    }
    return new Continue(List.copyOf(start), new State(arrivals, iterations, state.stepCount() + start.size()));
  }

  /** The first edge whose condition holds, in definition order, else the first without condition. */
  private static List<Edge> chooseOne(List<Edge> edges, Predicate<String> condition) {
    for (Edge edge : edges) {
      if (edge.condition() != null && condition.test(edge.condition())) {
        return List.of(edge);
      }
    }
    return edges.stream().filter(edge -> edge.condition() == null).limit(1).toList();
  }
}

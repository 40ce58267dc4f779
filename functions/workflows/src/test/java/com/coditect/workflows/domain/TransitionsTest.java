package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.coditect.workflows.domain.Transitions.Complete;
import com.coditect.workflows.domain.Transitions.Continue;
import com.coditect.workflows.domain.Transitions.Decision;
import com.coditect.workflows.domain.Transitions.Fail;
import com.coditect.workflows.domain.Transitions.State;
import com.coditect.workflows.model.EdgeOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  private final Transitions transitions = new Transitions(500);

  private static WorkflowDefinition definition(String json) {
    return WorkflowDefinition.read(Json.readTree(json.replace('\'', '"')));
  }

  private static final WorkflowDefinition BRANCHING = definition("{'nodes': ["
      + "{'id': 's', 'type': 'start'}, {'id': 'c', 'type': 'condition'},"
      + "{'id': 'big', 'type': 'notification'}, {'id': 'mid', 'type': 'notification'}, {'id': 'small', 'type': 'notification'},"
      + "{'id': 'e', 'type': 'end'}],"
      + "'edges': [{'from': 's', 'to': 'c'},"
      + "{'from': 'c', 'to': 'small'}, {'from': 'c', 'to': 'big', 'condition': 'context.amount > 100'},"
      + "{'from': 'c', 'to': 'mid', 'condition': 'context.amount > 10'},"
      + "{'from': 'big', 'to': 'e'}, {'from': 'mid', 'to': 'e'}, {'from': 'small', 'to': 'e'}]}");

  private static Predicate<String> over(String input) {
    JsonNode tree = Json.readTree(input.replace('\'', '"'));
    return condition -> Expressions.test(condition, tree);
  }

  private Decision after(WorkflowDefinition definition, State state, String node, EdgeOutcome outcome, String input) {
    return after(definition, state, node, outcome, input, List.of());
  }

  /** {@code open}: the nodes of the execution's other open steps. */
  private Decision after(WorkflowDefinition definition, State state, String node, EdgeOutcome outcome, String input,
      List<String> open) {
    return transitions.after(definition, state, node, outcome, "boom", over(input), open);
  }

  @Test
  void beginsAtTheStartNodeCountingOneStep() {
    Continue begin = transitions.begin(BRANCHING);
    assertEquals(List.of("s"), begin.start());
    assertEquals(1, begin.state().stepCount());
  }

  @Test
  void takesTheFirstConditionThatHoldsInDefinitionOrder() {
    Decision big = after(BRANCHING, State.initial(), "c", EdgeOutcome.SUCCESS, "{'context': {'amount': 500}}");
    assertEquals(List.of("big"), ((Continue) big).start(), "both conditions hold; the first listed wins");
    Decision mid = after(BRANCHING, State.initial(), "c", EdgeOutcome.SUCCESS, "{'context': {'amount': 50}}");
    assertEquals(List.of("mid"), ((Continue) mid).start());
  }

  @Test
  void takesTheEdgeWithoutConditionWhenNoConditionHolds() {
    Decision small = after(BRANCHING, State.initial(), "c", EdgeOutcome.SUCCESS, "{'context': {'amount': 1}}");
    assertEquals(List.of("small"), ((Continue) small).start());
    assertEquals(1, small.state().stepCount());
  }

  @Test
  void failsWhenNoConditionHoldsAndThereIsNoDefault() {
    WorkflowDefinition noDefault = definition("{'nodes': [{'id': 's', 'type': 'start'}, {'id': 'c', 'type': 'condition'},"
        + "{'id': 'e', 'type': 'end'}], 'edges': [{'from': 's', 'to': 'c'}, {'from': 'c', 'to': 'e', 'condition': 'false'}]}");
    Fail fail = assertInstanceOf(Fail.class, after(noDefault, State.initial(), "c", EdgeOutcome.SUCCESS, "{}"));
    assertTrue(fail.message().contains("no edge to follow"), fail.message());
  }

  @Test
  void aConditionThatFailsToEvaluateFailsWithItsMessage() {
    WorkflowDefinition broken = definition("{'nodes': [{'id': 's', 'type': 'start'}, {'id': 'c', 'type': 'condition'},"
        + "{'id': 'e', 'type': 'end'}], 'edges': [{'from': 's', 'to': 'c'}, {'from': 'c', 'to': 'e', 'condition': '$number(\\'x\\')'},"
        + "{'from': 'c', 'to': 'e'}]}");
    Fail fail = assertInstanceOf(Fail.class, after(broken, State.initial(), "c", EdgeOutcome.SUCCESS, "{}"));
    assertTrue(fail.message().startsWith("Node c: expression"), fail.message());
  }

  @Test
  void anEndNodeCompletesTheExecution() {
    assertInstanceOf(Complete.class, after(BRANCHING, State.initial(), "e", EdgeOutcome.SUCCESS, "{}"));
  }

  private static final WorkflowDefinition ACTION = definition("{'nodes': [{'id': 's', 'type': 'start'},"
      + "{'id': 'a', 'type': 'action'}, {'id': 'oops', 'type': 'notification'}, {'id': 'late', 'type': 'notification'},"
      + "{'id': 'e', 'type': 'end'}], 'edges': [{'from': 's', 'to': 'a'}, {'from': 'a', 'to': 'e'},"
      + "{'from': 'a', 'to': 'oops', 'on': 'error'}, {'from': 'oops', 'to': 'e'}, {'from': 'late', 'to': 'e'}]}");

  @Test
  void anErrorFollowsTheErrorEdge() {
    assertEquals(List.of("oops"), ((Continue) after(ACTION, State.initial(), "a", EdgeOutcome.ERROR, "{}")).start());
  }

  @Test
  void aTimeoutWithoutTimeoutEdgeFollowsTheErrorEdge() {
    assertEquals(List.of("oops"), ((Continue) after(ACTION, State.initial(), "a", EdgeOutcome.TIMEOUT, "{}")).start());
  }

  @Test
  void aTimeoutFollowsItsOwnEdgeFirst() {
    WorkflowDefinition timed = definition("{'nodes': [{'id': 's', 'type': 'start'}, {'id': 'a', 'type': 'action'},"
        + "{'id': 'slow', 'type': 'notification'}, {'id': 'oops', 'type': 'notification'}, {'id': 'e', 'type': 'end'}],"
        + "'edges': [{'from': 's', 'to': 'a'}, {'from': 'a', 'to': 'e'}, {'from': 'a', 'to': 'oops', 'on': 'error'},"
        + "{'from': 'a', 'to': 'slow', 'on': 'timeout'}, {'from': 'slow', 'to': 'e'}, {'from': 'oops', 'to': 'e'}]}");
    assertEquals(List.of("slow"), ((Continue) after(timed, State.initial(), "a", EdgeOutcome.TIMEOUT, "{}")).start());
  }

  @Test
  void anErrorWithoutErrorEdgeFailsTheExecutionWithTheStepsMessage() {
    Fail fail = assertInstanceOf(Fail.class, after(BRANCHING, State.initial(), "big", EdgeOutcome.ERROR, "{}"));
    assertEquals("Node big failed: boom", fail.message());
  }

  private static final WorkflowDefinition FORK = definition("{'nodes': [{'id': 's', 'type': 'start'},"
      + "{'id': 'p', 'type': 'parallel'}, {'id': 'a', 'type': 'notification'}, {'id': 'b', 'type': 'notification'},"
      + "{'id': 'c', 'type': 'notification'}, {'id': 'j', 'type': 'join'}, {'id': 'e', 'type': 'end'}],"
      + "'edges': [{'from': 's', 'to': 'p'}, {'from': 'p', 'to': 'a'}, {'from': 'p', 'to': 'b'},"
      + "{'from': 'p', 'to': 'c', 'condition': 'context.third'},"
      + "{'from': 'a', 'to': 'j'}, {'from': 'b', 'to': 'j'}, {'from': 'c', 'to': 'j'}, {'from': 'j', 'to': 'e'}]}");

  @Test
  void aParallelNodeStartsEveryBranchWhoseConditionHolds() {
    Continue all = (Continue) after(FORK, new State(Map.of(), Map.of(), 2), "p", EdgeOutcome.SUCCESS,
        "{'context': {'third': true}}");
    assertEquals(List.of("a", "b", "c"), all.start());
    assertEquals(5, all.state().stepCount());
    Continue two = (Continue) after(FORK, State.initial(), "p", EdgeOutcome.SUCCESS, "{'context': {}}");
    assertEquals(List.of("a", "b"), two.start());
  }

  @Test
  void aJoinStartsOnlyWhenEveryIncomingBranchArrived() {
    Continue first = (Continue) after(FORK, State.initial(), "a", EdgeOutcome.SUCCESS, "{}", List.of("b", "c"));
    assertEquals(List.of(), first.start());
    assertEquals(Map.of("j", 1), first.state().joinArrivals());
    Continue second = (Continue) after(FORK, first.state(), "b", EdgeOutcome.SUCCESS, "{}", List.of("c"));
    assertEquals(List.of(), second.start());
    Continue third = (Continue) after(FORK, second.state(), "c", EdgeOutcome.SUCCESS, "{}");
    assertEquals(List.of("j"), third.start());
    assertEquals(Map.of(), third.state().joinArrivals(), "arrivals reset, so a loop around the join waits again");
    assertEquals(1, third.state().stepCount());
  }

  @Test
  void aJoinDoesNotWaitForABranchWhoseConditionDidNotHold() {
    Continue fork = (Continue) after(FORK, State.initial(), "p", EdgeOutcome.SUCCESS, "{'context': {}}");
    assertEquals(List.of("a", "b"), fork.start());
    Continue first = (Continue) after(FORK, fork.state(), "a", EdgeOutcome.SUCCESS, "{}", List.of("b"));
    assertEquals(List.of(), first.start());
    Continue second = (Continue) after(FORK, first.state(), "b", EdgeOutcome.SUCCESS, "{}");
    assertEquals(List.of("j"), second.start());
    assertEquals(Map.of(), second.state().joinArrivals());
  }

  /** Branch c chooses one of two paths into the join; a is the other branch. */
  private static final WorkflowDefinition CHOOSING_BRANCH = definition("{'nodes': [{'id': 's', 'type': 'start'},"
      + "{'id': 'p', 'type': 'parallel'}, {'id': 'a', 'type': 'notification'}, {'id': 'c', 'type': 'condition'},"
      + "{'id': 'x', 'type': 'notification'}, {'id': 'y', 'type': 'wait'}, {'id': 'j', 'type': 'join'},"
      + "{'id': 'e', 'type': 'end'}],"
      + "'edges': [{'from': 's', 'to': 'p'}, {'from': 'p', 'to': 'a'}, {'from': 'p', 'to': 'c'},"
      + "{'from': 'c', 'to': 'x', 'condition': 'context.urgent'}, {'from': 'c', 'to': 'y'},"
      + "{'from': 'a', 'to': 'j'}, {'from': 'x', 'to': 'j'}, {'from': 'y', 'to': 'j'}, {'from': 'j', 'to': 'e'}]}");

  @Test
  void aJoinWaitsForABranchStillOnItsWayButNotForThePathItsConditionDidNotTake() {
    Continue first = (Continue) after(CHOOSING_BRANCH, State.initial(), "a", EdgeOutcome.SUCCESS, "{}", List.of("c"));
    assertEquals(List.of(), first.start(), "c can still lead to the join");
    Continue chosen = (Continue) after(CHOOSING_BRANCH, first.state(), "c", EdgeOutcome.SUCCESS, "{'context': {}}");
    assertEquals(List.of("y"), chosen.start());
    Continue joined = (Continue) after(CHOOSING_BRANCH, chosen.state(), "y", EdgeOutcome.SUCCESS, "{}");
    assertEquals(List.of("j"), joined.start(), "x was not taken: the join does not wait for it");
  }

  @Test
  void aJoinReachedStraightFromAParallelWaitsForTheBranchesStartedBeside() {
    WorkflowDefinition direct = definition("{'nodes': [{'id': 's', 'type': 'start'}, {'id': 'p', 'type': 'parallel'},"
        + "{'id': 'a', 'type': 'notification'}, {'id': 'j', 'type': 'join'}, {'id': 'e', 'type': 'end'}],"
        + "'edges': [{'from': 's', 'to': 'p'}, {'from': 'p', 'to': 'j'}, {'from': 'p', 'to': 'a'}, {'from': 'a', 'to': 'j'},"
        + "{'from': 'j', 'to': 'e'}]}");
    Continue fork = (Continue) after(direct, State.initial(), "p", EdgeOutcome.SUCCESS, "{}");
    assertEquals(List.of("a"), fork.start());
    assertEquals(Map.of("j", 1), fork.state().joinArrivals());
    assertEquals(List.of("j"), ((Continue) after(direct, fork.state(), "a", EdgeOutcome.SUCCESS, "{}")).start());
  }

  private static final WorkflowDefinition LOOP = definition("{'nodes': [{'id': 's', 'type': 'start'},"
      + "{'id': 'work', 'type': 'notification'}, {'id': 'again', 'type': 'condition', 'config': {'max_iterations': 3}},"
      + "{'id': 'e', 'type': 'end'}], 'edges': [{'from': 's', 'to': 'work'}, {'from': 'work', 'to': 'again'},"
      + "{'from': 'again', 'to': 'work', 'condition': 'true'}, {'from': 'again', 'to': 'e'}]}");

  @Test
  void aLoopRunsItsConditionAtMostMaxIterationsTimes() {
    State state = State.initial();
    for (int run = 1; run <= 3; run++) {
      Continue next = (Continue) after(LOOP, state, "work", EdgeOutcome.SUCCESS, "{}");
      assertEquals(List.of("again"), next.start());
      assertEquals(Map.of("again", run), next.state().loopIterations());
      state = next.state();
    }
    Fail fail = assertInstanceOf(Fail.class, after(LOOP, state, "work", EdgeOutcome.SUCCESS, "{}"));
    assertTrue(fail.message().contains("max_iterations (3)"), fail.message());
  }

  @Test
  void aRunawayLoopHitsTheStepCapAndFailsCleanly() {
    Transitions capped = new Transitions(5);
    WorkflowDefinition runaway = definition("{'nodes': [{'id': 's', 'type': 'start'},"
        + "{'id': 'x', 'type': 'condition'}, {'id': 'e', 'type': 'end'}],"
        + "'edges': [{'from': 's', 'to': 'x'}, {'from': 'x', 'to': 'x', 'condition': 'true'}, {'from': 'x', 'to': 'e'}]}");
    State state = capped.begin(runaway).state();
    Decision decision = capped.after(runaway, state, "s", EdgeOutcome.SUCCESS, null, condition -> true, List.of());
    int steps = 1;
    while (decision instanceof Continue go) {
      steps = go.state().stepCount();
      decision = capped.after(runaway, go.state(), "x", EdgeOutcome.SUCCESS, null, condition -> true, List.of());
    }
    Fail fail = assertInstanceOf(Fail.class, decision);
    assertEquals(5, steps);
    assertEquals("The execution reached the cap of 5 steps (a loop without end?).", fail.message());
  }
}

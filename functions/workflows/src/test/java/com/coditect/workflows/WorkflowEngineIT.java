package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine's node types and policies on moto, fed the events its rules deliver: an action's
 * retries on backoff timers and its timeout, the error edge when retries run out, parallel branches
 * that join, and a trigger's {@code execution.requested}. PM's answer ({@code step.resolved}) is
 * delivered as PM records it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowEngineIT {

  private static final String ACTION = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'create', 'type': 'action', 'config': {'action': 'pm.create_task',"
      + " 'params': {'project_id': '=context.project', 'title': 'Follow up'},"
      + " 'retry': {'max_attempts': %d, 'backoff': 'PT2S', 'backoff_rate': 2.0}, 'timeout': 'PT30S',"
      + " 'output': '{\\'task\\': output.task_id}'}},"
      + "{'id': 'tell', 'type': 'notification', 'config': {'message': 'could not create the task'}},"
      + "{'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'create'}, {'from': 'create', 'to': 'end'},"
      + "{'from': 'create', 'to': 'tell', 'on': 'error'}, {'from': 'tell', 'to': 'end'}]}";

  private WorkflowsApi api;
  private EngineHarness engine;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("wf-engine");
    engine = new EngineHarness(api);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void anActionThatFailsRetriesOnABackoffTimerWithANewRequestAndThenSucceeds() {
    String workflow = engine.seedWorkflow(acme.id(), ACTION.formatted(3));
    Instant before = Instant.now();
    String execution = startExecution(workflow, "{\"project\": \"" + acme.projectId() + "\"}");
    engine.pump();
    JsonNode first = only(engine.seen(r -> r.detailType().equals("action.requested") && r.detail().contains(execution)));
    assertEquals("action.requested", first.path("action").asText(), "the envelope's own action is the detail-type");
    assertEquals("pm.create_task", first.path("requested_action").asText());
    assertEquals(acme.projectId(), first.path("params").path("project_id").asText());
    assertEquals("Follow up", first.path("params").path("title").asText());
    assertEquals(acme.ownerId(), first.path("requested_by").asText());
    String step = first.path("step_id").asText();
    assertTrue(scheduleExists("t-" + step + "-action_timeout"));

    resolve(execution, step, "error", "null", "The project was not found.");
    engine.pump();
    JsonNode failed = only(engine.seen(r -> r.detailType().equals("step.failed") && r.detail().contains(execution)));
    assertTrue(failed.path("will_retry").asBoolean());
    assertEquals("error", failed.path("outcome").asText());
    JsonNode waiting = stepOf(execution, "create");
    assertEquals("running", waiting.path("status").asText());
    assertEquals(2, waiting.path("attempt").asInt());
    Instant due = scheduledAt("t-" + step + "-retry-2");
    assertFalse(due.isBefore(before.plusSeconds(2).minusSeconds(1)), "backoff PT2S for the first retry: " + due);

    resolve(execution, step, "error", "null", "late duplicate of the first answer");
    engine.pump();
    assertEquals(2, stepOf(execution, "create").path("attempt").asInt(),
        "an answer while the step waits on its backoff answers no attempt");

    engine.fireTimer(acme.id(), execution, step, "retry");
    engine.pump();
    List<JsonNode> requests = engine.seen(r -> r.detailType().equals("action.requested") && r.detail().contains(execution));
    assertEquals(2, requests.size());
    assertNotEquals(requests.get(0).path("request_id").asText(), requests.get(1).path("request_id").asText());
    engine.fireTimer(acme.id(), execution, step, "retry");
    assertEquals(0, engine.pump(), "the attempt was dispatched already");
    resolve(execution, step, "error", "null", "an answer to the first request, late", requests.get(0).path("request_id").asText());
    assertEquals(0, engine.pump(), "an answer naming an earlier request changes nothing");

    resolve(execution, step, "success", "{\"task_id\": \"" + requests.get(1).path("request_id").asText() + "\"}", null);
    engine.pump();
    HandlerResponse done = get(execution);
    assertEquals("completed", done.text("status"));
    JsonNode created = stepOf(execution, "create");
    assertEquals("completed", created.path("status").asText());
    assertEquals(requests.get(1).path("request_id").asText(), created.path("output_data").path("task").asText(),
        "the output mapping shaped the output");
  }

  @Test
  void whenRetriesRunOutTheErrorEdgeIsTaken() {
    String workflow = engine.seedWorkflow(acme.id(), ACTION.formatted(1));
    String execution = startExecution(workflow, "{\"project\": \"" + acme.projectId() + "\"}");
    engine.pump();
    String step = only(engine.seen(r -> r.detailType().equals("action.requested") && r.detail().contains(execution)))
        .path("step_id").asText();
    resolve(execution, step, "error", "null", "The project was not found.");
    engine.pump();
    assertEquals("completed", get(execution).text("status"));
    JsonNode create = stepOf(execution, "create");
    assertEquals("failed", create.path("status").asText());
    assertEquals("The project was not found.", create.path("error_message").asText());
    assertEquals("completed", stepOf(execution, "tell").path("status").asText());
  }

  @Test
  void anActionThatTimesOutFollowsItsErrorEdgeAndALateAnswerChangesNothing() {
    String workflow = engine.seedWorkflow(acme.id(), ACTION.formatted(3));
    String execution = startExecution(workflow, "{\"project\": \"" + acme.projectId() + "\"}");
    engine.pump();
    String step = only(engine.seen(r -> r.detailType().equals("action.requested") && r.detail().contains(execution)))
        .path("step_id").asText();
    engine.fireTimer(acme.id(), execution, step, "action_timeout");
    engine.pump();
    JsonNode create = stepOf(execution, "create");
    assertEquals("failed", create.path("status").asText());
    assertEquals("The action did not finish within PT30S.", create.path("error_message").asText());
    assertEquals("completed", get(execution).text("status"));
    String etag = get(execution).header("ETag");

    resolve(execution, step, "success", "{\"task_id\": \"" + Ids.newId() + "\"}", null);
    assertEquals(0, engine.pump());
    assertEquals(etag, get(execution).header("ETag"));
  }

  private static final String FORK = "{'nodes': [{'id': 'start', 'type': 'start'}, {'id': 'fork', 'type': 'parallel'},"
      + "{'id': 'a', 'type': 'notification', 'config': {'message': 'a'}},"
      + "{'id': 'b', 'type': 'notification', 'config': {'message': 'b'}},"
      + "{'id': 'both', 'type': 'join'}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'fork'}, {'from': 'fork', 'to': 'a'}, {'from': 'fork', 'to': 'b'},"
      + "{'from': 'a', 'to': 'both'}, {'from': 'b', 'to': 'both'}, {'from': 'both', 'to': 'end'}]}";

  @Test
  void parallelBranchesRunAndTheJoinWaitsForBoth() {
    String workflow = engine.seedWorkflow(acme.id(), FORK);
    String execution = startExecution(workflow, "{}");
    engine.pump();
    HandlerResponse done = get(execution);
    assertEquals("completed", done.text("status"));
    List<String> nodes = new ArrayList<>();
    done.json().path("steps").forEach(step -> nodes.add(step.path("step_id").asText()));
    assertEquals(6, nodes.size(), nodes.toString());
    assertEquals(List.of("start", "fork"), nodes.subList(0, 2));
    assertTrue(nodes.subList(2, 4).containsAll(List.of("a", "b")), nodes.toString());
    assertEquals(List.of("both", "end"), nodes.subList(4, 6), "the join ran once, after both branches");
  }

  @Test
  void anActionAnsweredWhileTheExecutionIsPausedFinishesItsStepAndTheNextWaitsForResume() {
    String workflow = engine.seedWorkflow(acme.id(), ACTION.formatted(1));
    String execution = startExecution(workflow, "{\"project\": \"" + acme.projectId() + "\"}");
    engine.pump();
    JsonNode request = only(engine.seen(r -> r.detailType().equals("action.requested") && r.detail().contains(execution)));
    HandlerResponse paused = api.call(HttpEvents.route("POST /v1/executions/{execution_id}/pause")
        .pathParam("execution_id", execution).claims(acme.owner()).build());
    paused.assertStatus(200);

    resolve(execution, request.path("step_id").asText(), "success", "{\"task_id\": \"" + Ids.newId() + "\"}", null,
        request.path("request_id").asText());
    engine.pump();
    HandlerResponse held = get(execution);
    assertEquals("paused", held.text("status"));
    assertEquals("completed", stepOf(execution, "create").path("status").asText(), "the answer was not lost");
    assertEquals("pending", stepOf(execution, "end").path("status").asText(), "end waits for resume");

    api.call(HttpEvents.route("POST /v1/executions/{execution_id}/resume").pathParam("execution_id", execution)
        .claims(acme.owner()).build()).assertStatus(200);
    engine.pump();
    assertEquals("completed", get(execution).text("status"));
  }

  /** Branch c starts only when context.third holds; branch pick goes into the join by x or by y. */
  private static final String FORK_WITH_CHOICES = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'fork', 'type': 'parallel'}, {'id': 'a', 'type': 'notification', 'config': {'message': 'a'}},"
      + "{'id': 'pick', 'type': 'condition'}, {'id': 'x', 'type': 'notification', 'config': {'message': 'x'}},"
      + "{'id': 'y', 'type': 'notification', 'config': {'message': 'y'}},"
      + "{'id': 'c', 'type': 'notification', 'config': {'message': 'c'}},"
      + "{'id': 'all', 'type': 'join'}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'fork'}, {'from': 'fork', 'to': 'a'}, {'from': 'fork', 'to': 'pick'},"
      + "{'from': 'fork', 'to': 'c', 'condition': 'context.third'},"
      + "{'from': 'pick', 'to': 'x', 'condition': 'context.urgent'}, {'from': 'pick', 'to': 'y'},"
      + "{'from': 'a', 'to': 'all'}, {'from': 'x', 'to': 'all'}, {'from': 'y', 'to': 'all'}, {'from': 'c', 'to': 'all'},"
      + "{'from': 'all', 'to': 'end'}]}";

  @Test
  void theJoinDoesNotWaitForABranchNotStartedNorForAPathAConditionDidNotTake() {
    String workflow = engine.seedWorkflow(acme.id(), FORK_WITH_CHOICES);
    String execution = startExecution(workflow, "{\"context_data\": {\"third\": false, \"urgent\": false}}");
    engine.pump();
    HandlerResponse done = get(execution);
    assertEquals("completed", done.text("status"), done.json().toString());
    List<String> nodes = new ArrayList<>();
    done.json().path("steps").forEach(step -> nodes.add(step.path("step_id").asText()));
    assertEquals(List.of("all", "end"), nodes.subList(nodes.size() - 2, nodes.size()), "the join ran once, last");
    assertTrue(nodes.containsAll(List.of("a", "pick", "y")), nodes.toString());
    assertFalse(nodes.contains("c") || nodes.contains("x"), nodes.toString());
    assertEquals(7, nodes.size(), nodes.toString());
  }

  @Test
  void aTriggersRequestStartsTheExecutionWithItsIdOnceAndOnlyForAnActiveWorkflow() {
    String workflow = engine.seedWorkflow(acme.id(), ExecutionRoutesIT.LINEAR);
    String execution = Ids.newId();
    JsonNode requested = Json.readTree("{\"tenant_id\": \"" + acme.id() + "\", \"resource_type\": \"execution\","
        + " \"resource_id\": \"" + execution + "\", \"workflow_id\": \"" + workflow + "\", \"trigger_type\": \"webhook\","
        + " \"triggered_by\": null, \"context_data\": {\"amount\": 7}, \"trigger_data\": {\"body\": {\"x\": 1}}}");
    engine.deliver("coditect.workflows", "execution.requested", requested);
    engine.deliver("coditect.workflows", "execution.requested", requested);
    engine.pump();
    HandlerResponse done = get(execution);
    assertEquals("completed", done.text("status"));
    assertEquals("webhook", done.text("trigger_type"));
    assertTrue(done.json().path("triggered_by").isNull());
    assertEquals(1, done.json().path("trigger_data").path("body").path("x").asInt());
    assertEquals(1, engine.seen(r -> r.detailType().equals("execution.started") && r.detail().contains(execution)).size());

    String paused = engine.seedWorkflow(acme.id(), ExecutionRoutesIT.LINEAR, WorkflowStatus.PAUSED);
    String refused = Ids.newId();
    engine.deliver("coditect.workflows", "execution.requested", Json.readTree(requested.toString()
        .replace(execution, refused).replace(workflow, paused)));
    get(refused).assertStatus(404);
  }

  private static final String APPROVAL = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'ok', 'type': 'approval', 'config': {'approvers': {'user_ids': ['u1']}, 'quorum': 1, 'expires_in': 'PT1H'}},"
      + "{'id': 'late', 'type': 'notification', 'config': {'message': 'expired'}}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'ok'}, {'from': 'ok', 'to': 'end'}, {'from': 'ok', 'to': 'late', 'on': 'timeout'},"
      + "{'from': 'late', 'to': 'end'}]}";

  @Test
  void anApprovalStepWaitsForItsResolutionAndFollowsItsOutcome() {
    String workflow = engine.seedWorkflow(acme.id(), APPROVAL);
    String approved = startExecution(workflow, "{}");
    engine.pump();
    JsonNode started = engine.seen(r -> r.detailType().equals("step.started") && r.detail().contains(approved)
        && r.detail().contains("\"approval\"")).get(0);
    assertEquals("ok", started.path("node_id").asText());
    assertEquals(1, started.path("config").path("quorum").asInt());
    assertEquals(acme.ownerId(), started.path("requested_by").asText());
    assertEquals("running", stepOf(approved, "ok").path("status").asText());
    assertEquals("running", get(approved).text("status"));

    engine.deliver("coditect.workflows", "step.resolved", Json.readTree("{\"tenant_id\": \"" + acme.id()
        + "\", \"resource_id\": \"" + approved + "\", \"step_id\": \"" + started.path("step_id").asText()
        + "\", \"outcome\": \"success\", \"output\": {\"approved\": 1, \"rejected\": 0, \"decisions\": []},"
        + " \"error_message\": null}"));
    engine.pump();
    assertEquals("completed", get(approved).text("status"));
    assertEquals(1, stepOf(approved, "ok").path("output_data").path("approved").asInt());

    String expired = startExecution(workflow, "{}");
    engine.pump();
    String step = stepOf(expired, "ok").path("id").asText();
    engine.deliver("coditect.workflows", "step.resolved", Json.readTree("{\"tenant_id\": \"" + acme.id()
        + "\", \"resource_id\": \"" + expired + "\", \"step_id\": \"" + step
        + "\", \"outcome\": \"timeout\", \"output\": {}, \"error_message\": \"The approval expired.\"}"));
    engine.pump();
    assertEquals("completed", get(expired).text("status"));
    assertEquals("completed", stepOf(expired, "late").path("status").asText(), "the timeout edge was taken");
  }

  private static final String HOOK = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'call', 'type': 'action', 'config': {'action': 'http.post', 'params': {'url': '%s', 'body': {'n': 1}}}},"
      + "{'id': 'end', 'type': 'end'}], 'edges': [{'from': 'start', 'to': 'call'}, {'from': 'call', 'to': 'end'}]}";

  @Test
  void anHttpPostToAPrivateAddressFailsTheStepWithoutACall() {
    String workflow = engine.seedWorkflow(acme.id(), HOOK.formatted("https://169.254.169.254/latest/meta-data"));
    String execution = startExecution(workflow, "{}");
    engine.pump();
    HandlerResponse failed = get(execution);
    assertEquals("failed", failed.text("status"));
    assertTrue(failed.text("error_message").contains("link-local address"), failed.text("error_message"));
    assertEquals("failed", stepOf(execution, "call").path("status").asText());
  }

  // ------------------------------------------------------------------ helpers

  private String startExecution(String workflow, String context) {
    HandlerResponse started = api.call(HttpEvents.route("POST /v1/workflows/{workflow_id}/executions")
        .pathParam("workflow_id", workflow).claims(acme.owner()).body("{\"context_data\": " + context + "}").build());
    started.assertStatus(201);
    return started.text("id");
  }

  private HandlerResponse get(String execution) {
    return api.call(HttpEvents.route("GET /v1/executions/{execution_id}").pathParam("execution_id", execution)
        .claims(acme.owner()).build());
  }

  private JsonNode stepOf(String execution, String node) {
    JsonNode found = null;
    for (JsonNode step : get(execution).json().path("steps")) {
      if (step.path("step_id").asText().equals(node)) {
        found = step;
      }
    }
    if (found == null) {
      throw new AssertionError("no step of " + node);
    }
    return found;
  }

  /** PM's answer to an action, as PM records it. */
  private void resolve(String execution, String step, String outcome, String output, String error) {
    resolve(execution, step, outcome, output, error, null);
  }

  private void resolve(String execution, String step, String outcome, String output, String error, String requestId) {
    engine.deliver("coditect.pm", "step.resolved", Json.readTree("{\"tenant_id\": \"" + acme.id()
        + "\", \"resource_type\": \"execution\", \"resource_id\": \"" + execution + "\", \"step_id\": \"" + step
        + "\", \"outcome\": \"" + outcome + "\", \"output\": " + output + ", \"error_message\": "
        + (error == null ? "null" : "\"" + error + "\"")
        + (requestId == null ? "" : ", \"request_id\": \"" + requestId + "\"") + "}"));
  }

  private boolean scheduleExists(String name) {
    return scheduledAt(name) != null;
  }

  /** When the one-time schedule fires (its at(...) expression), read from moto's Scheduler. */
  private Instant scheduledAt(String name) {
    String expression = api.component.scheduler().getSchedule(b -> b.groupName(WorkflowsConfig.fromEnvironment().scheduleGroup())
        .name(name)).scheduleExpression();
    return Instant.parse(expression.substring("at(".length(), expression.length() - 1) + "Z");
  }

  private static JsonNode only(List<JsonNode> events) {
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }
}

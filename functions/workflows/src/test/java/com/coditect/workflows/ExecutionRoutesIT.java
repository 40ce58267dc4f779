package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.Ids;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The execution routes on moto, with the engine driven by the events its transitions record (the
 * table's stream, as the engine's rules deliver them): a manual start runs to its end, the lists and
 * the controls answer as the contract says, each with its DynamoDB calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionRoutesIT {

  static final String LINEAR = "{'nodes': [{'id': 'start', 'type': 'start', 'name': 'Start'},"
      + "{'id': 'check', 'type': 'condition', 'name': 'Big?'},"
      + "{'id': 'tell', 'type': 'notification', 'name': 'Tell', 'config': {'message': '=\\'Amount \\' & context.amount'}},"
      + "{'id': 'end', 'type': 'end', 'name': 'End'}],"
      + "'edges': [{'from': 'start', 'to': 'check'}, {'from': 'check', 'to': 'tell', 'condition': 'context.amount > 100'},"
      + "{'from': 'check', 'to': 'end'}, {'from': 'tell', 'to': 'end'}]}";

  private WorkflowsApi api;
  private EngineHarness engine;
  private SeededTenant acme;
  private SeededTenant other;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("wf-executions");
    engine = new EngineHarness(api);
    acme = api.env.seedTenant("EXE");
    other = api.env.seedTenant("OTH");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aManualStartRunsThroughConditionAndNotificationToItsEnd() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    HandlerResponse started = start(acme.member(), workflow, "{\"context_data\": {\"amount\": 250}}");
    started.assertStatus(201);
    assertEquals(List.of("GetItem", "TransactWriteItems"), started.dynamoCalls());
    assertEquals("running", started.text("status"));
    assertEquals(acme.memberId(), started.text("triggered_by"));
    assertEquals("manual", started.text("trigger_type"));
    assertEquals("\"1\"", started.header("ETag"));
    String execution = started.text("id");
    assertEquals("/v1/executions/" + execution, started.header("Location"));

    engine.pump();

    HandlerResponse done = get(acme.viewer(), execution);
    done.assertStatus(200);
    assertEquals(List.of("Query"), done.dynamoCalls());
    assertEquals("completed", done.text("status"));
    assertEquals(List.of("start", "check", "tell", "end"), nodes(done));
    done.json().path("steps").forEach(step -> assertEquals("completed", step.path("status").asText()));
    assertEquals("Amount 250", done.json().path("steps").path(2).path("output_data").path("message").asText());

    JsonNode notification = engine.seen(r -> r.detailType().equals("notification.requested")
        && r.detail().contains(execution)).get(0);
    assertEquals("in_app", notification.path("channel").asText());
    assertEquals("Amount 250", notification.path("message").asText());
    assertEquals(List.of(acme.memberId()), texts(notification.path("user_ids")));
    assertEquals(List.of("running", "completed"), engine.seen(r -> r.detailType().startsWith("execution.")
        && r.detail().contains(execution)).stream().map(e -> e.path("status").asText()).toList());
    JsonNode stepStarted = engine.seen(r -> r.detailType().equals("step.started") && r.detail().contains(execution)).get(2);
    assertEquals("tell", stepStarted.path("node_id").asText());
    assertEquals(250, stepStarted.path("context").path("context").path("amount").asInt());
    assertTrue(stepStarted.path("context").path("steps").has("check"));
  }

  @Test
  void theDefaultEdgeIsTakenWhenNoConditionHolds() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    String execution = start(acme.owner(), workflow, "{\"context_data\": {\"amount\": 5}}").text("id");
    engine.pump();
    HandlerResponse done = get(acme.owner(), execution);
    assertEquals("completed", done.text("status"));
    assertEquals(List.of("start", "check", "end"), nodes(done));
  }

  @Test
  void startingAWorkflowThatIsNotActiveIsAConflict() {
    String draft = engine.seedWorkflow(acme.id(), LINEAR, WorkflowStatus.DRAFT);
    HandlerResponse refused = start(acme.owner(), draft, "{}");
    refused.assertStatus(409);
    String paused = engine.seedWorkflow(acme.id(), LINEAR, WorkflowStatus.PAUSED);
    start(acme.owner(), paused, "{}").assertStatus(409);
  }

  @Test
  void startRefusesBadInputOtherTenantsWrongRolesAndNoToken() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    HandlerResponse bad = start(acme.owner(), workflow, "{\"context_data\": 5}");
    bad.assertStatus(400);
    assertEquals(List.of("context_data"), bad.errorFields());
    start(acme.owner(), workflow, "{\"unknown\": 1}").assertStatus(400);
    HandlerResponse tooBig = start(acme.owner(), workflow, "{\"context_data\": {\"text\": \"" + "x".repeat(70_000) + "\"}}");
    tooBig.assertStatus(413);
    assertEquals(List.of("context_data"), tooBig.errorFields());
    start(acme.viewer(), workflow, "{}").assertStatus(403);
    start(other.owner(), workflow, "{}").assertStatus(404);
    api.call(HttpEvents.route("POST /v1/workflows/{workflow_id}/executions").pathParam("workflow_id", workflow)
        .body("{}").build()).assertStatus(401);
  }

  @Test
  void listsAWorkflowsExecutionsNewestFirstAndByStatus() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    String first = start(acme.owner(), workflow, "{}").text("id");
    engine.pump();
    String second = start(acme.owner(), workflow, "{}").text("id");

    HandlerResponse all = list(acme.viewer(), workflow, null);
    all.assertStatus(200);
    assertEquals(List.of("Query"), all.dynamoCalls());
    assertEquals(List.of(second, first), ids(all));
    assertEquals(List.of(second), ids(list(acme.viewer(), workflow, "running")));
    assertEquals(List.of(first), ids(list(acme.viewer(), workflow, "completed")));
    list(acme.owner(), workflow, "nonsense").assertStatus(400);
    list(other.owner(), workflow, null).assertStatus(404);
    engine.pump();
  }

  @Test
  void getAnswersAnotherTenantsExecutionWithNotFound() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    String execution = start(acme.owner(), workflow, "{}").text("id");
    get(other.owner(), execution).assertStatus(404);
    get(acme.owner(), Ids.newId()).assertStatus(404);
    api.call(HttpEvents.route("GET /v1/executions/{execution_id}").pathParam("execution_id", "nope")
        .claims(acme.owner()).build()).assertStatus(400);
    engine.pump();
  }

  // ------------------------------------------------------------------ controls

  static final String WAITING = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'hold', 'type': 'wait', 'config': {'duration': 'PT1S'}},"
      + "{'id': 'tell', 'type': 'notification', 'config': {'message': 'done'}}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'hold'}, {'from': 'hold', 'to': 'tell'}, {'from': 'tell', 'to': 'end'}]}";

  @Test
  void aWaitEndsWhenItsTimerFires() {
    String workflow = engine.seedWorkflow(acme.id(), WAITING);
    String execution = start(acme.owner(), workflow, "{}").text("id");
    engine.pump();
    HandlerResponse waiting = get(acme.owner(), execution);
    assertEquals("running", waiting.text("status"));
    assertEquals("hold", waiting.text("current_step"));
    String hold = stepOf(waiting, "hold");

    engine.fireTimer(acme.id(), execution, hold, "wait");
    engine.pump();
    assertEquals("completed", get(acme.owner(), execution).text("status"));
    engine.fireTimer(acme.id(), execution, hold, "wait");
    assertEquals(0, engine.pump(), "a timer firing twice changes nothing");
  }

  @Test
  void pauseHoldsTheNextStepsUntilResume() {
    String workflow = engine.seedWorkflow(acme.id(), WAITING);
    String execution = start(acme.owner(), workflow, "{}").text("id");
    engine.pump();
    String hold = stepOf(get(acme.owner(), execution), "hold");

    HandlerResponse paused = control(acme.member(), execution, "pause", "\"2\"");
    paused.assertStatus(200);
    assertEquals(List.of("Query", "GetItem", "TransactWriteItems"), paused.dynamoCalls());
    assertEquals("paused", paused.text("status"));
    control(acme.member(), execution, "pause", null).assertStatus(409);

    engine.fireTimer(acme.id(), execution, hold, "wait");
    engine.pump();
    HandlerResponse held = get(acme.owner(), execution);
    assertEquals("paused", held.text("status"));
    assertEquals("pending", held.json().path("steps").path(2).path("status").asText(), "tell waits for resume");

    control(acme.member(), execution, "resume", "\"1\"").assertStatus(412);
    HandlerResponse resumed = control(acme.member(), execution, "resume", held.header("ETag"));
    resumed.assertStatus(200);
    assertEquals("running", resumed.text("status"));
    engine.pump();
    assertEquals("completed", get(acme.owner(), execution).text("status"));
  }

  @Test
  void cancelSkipsOpenStepsAndLateEventsChangeNothing() {
    String workflow = engine.seedWorkflow(acme.id(), WAITING);
    String execution = start(acme.owner(), workflow, "{}").text("id");
    engine.pump();
    String hold = stepOf(get(acme.owner(), execution), "hold");

    control(acme.viewer(), execution, "cancel", null).assertStatus(403);
    control(other.owner(), execution, "cancel", null).assertStatus(404);
    HandlerResponse cancelled = control(acme.admin(), execution, "cancel", null);
    cancelled.assertStatus(200);
    assertEquals("cancelled", cancelled.text("status"));
    engine.pump();
    engine.fireTimer(acme.id(), execution, hold, "wait");
    assertEquals(0, engine.pump());
    HandlerResponse after = get(acme.owner(), execution);
    assertEquals("cancelled", after.text("status"));
    assertEquals("skipped", after.json().path("steps").path(1).path("status").asText());
    control(acme.admin(), execution, "cancel", null).assertStatus(409);
    control(acme.admin(), execution, "resume", null).assertStatus(409);
    control(acme.admin(), execution, "retry", null).assertStatus(409);
  }

  @Test
  void duplicateAndReorderedEngineEventsChangeNothing() {
    String workflow = engine.seedWorkflow(acme.id(), LINEAR);
    String execution = start(acme.owner(), workflow, "{\"context_data\": {\"amount\": 500}}").text("id");
    List<JsonNode> delivered = new ArrayList<>();
    // Deliver each event twice, and every earlier one again afterwards, out of order.
    for (var batch = engine.next(); !batch.isEmpty(); batch = engine.next()) {
      for (var record : batch) {
        if (record.source().equals("coditect.workflows") && record.detailType().equals("step.started")) {
          JsonNode detail = com.coditect.shared.json.Json.readTree(record.detail());
          engine.deliver(record.source(), record.detailType(), detail);
          engine.deliver(record.source(), record.detailType(), detail);
          delivered.add(detail);
        }
      }
    }
    HandlerResponse done = get(acme.owner(), execution);
    assertEquals("completed", done.text("status"));
    String etag = done.header("ETag");
    for (int i = delivered.size() - 1; i >= 0; i--) {
      engine.deliver("coditect.workflows", "step.started", delivered.get(i));
    }
    assertEquals(0, engine.next().size(), "late events record nothing");
    HandlerResponse again = get(acme.owner(), execution);
    assertEquals(etag, again.header("ETag"));
    assertEquals(List.of("start", "check", "tell", "end"), nodes(again));
  }

  static final String RUNAWAY = "{'nodes': [{'id': 'start', 'type': 'start'}, {'id': 'spin', 'type': 'condition'},"
      + "{'id': 'end', 'type': 'end'}], 'edges': [{'from': 'start', 'to': 'spin'},"
      + "{'from': 'spin', 'to': 'spin', 'condition': 'true'}, {'from': 'spin', 'to': 'end'}]}";

  @Test
  void aRunawayLoopHitsTheStepCapAndFailsCleanly() {
    String workflow = engine.seedWorkflow(acme.id(), RUNAWAY);
    String execution = start(acme.owner(), workflow, "{}").text("id");
    // As if it had looped for a long while already: 490 steps made (the loop itself is the same).
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#EXEC#" + execution), "SK", AttributeValue.fromS("EXEC")))
        .updateExpression("SET step_count = :made").expressionAttributeValues(Map.of(":made", AttributeValue.fromN("490"))));
    engine.pump();
    HandlerResponse failed = get(acme.owner(), execution);
    assertEquals("failed", failed.text("status"));
    assertEquals("The execution reached the cap of 500 steps (a loop without end?).", failed.text("error_message"));
    assertEquals(11, failed.json().path("steps").size(), "start and spin, then spin until 500 steps were made");
    JsonNode last = failed.json().path("steps").path(10);
    assertEquals("failed", last.path("status").asText());
    assertEquals(failed.text("error_message"), last.path("error_message").asText());
  }

  static final String BROKEN = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'tell', 'type': 'notification', 'config': {'message': '=$number(context.n)'}}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'tell'}, {'from': 'tell', 'to': 'end'}]}";

  @Test
  void anExpressionThatFailsFailsTheStepAndRetryRunsItAgainWithTheSameContext() {
    String workflow = engine.seedWorkflow(acme.id(), BROKEN);
    String execution = start(acme.owner(), workflow, "{\"context_data\": {\"n\": \"not a number\"}}").text("id");
    engine.pump();
    HandlerResponse failed = get(acme.owner(), execution);
    assertEquals("failed", failed.text("status"));
    assertTrue(failed.text("error_message").startsWith("Node tell failed: expression '$number(context.n)' failed"),
        failed.text("error_message"));
    assertEquals("failed", failed.json().path("steps").path(1).path("status").asText());

    HandlerResponse retried = control(acme.member(), execution, "retry", failed.header("ETag"));
    retried.assertStatus(200);
    assertEquals("running", retried.text("status"));
    assertEquals("tell", retried.text("current_step"));
    engine.pump();
    HandlerResponse again = get(acme.owner(), execution);
    assertEquals("failed", again.text("status"), "the same context fails the same way");
    assertEquals(List.of("start", "tell", "tell"), nodes(again));
  }

  // ------------------------------------------------------------------ helpers

  private HandlerResponse start(Map<String, String> claims, String workflow, String body) {
    return api.call(HttpEvents.route("POST /v1/workflows/{workflow_id}/executions").pathParam("workflow_id", workflow)
        .claims(claims).body(body).build());
  }

  private HandlerResponse get(Map<String, String> claims, String execution) {
    return api.call(HttpEvents.route("GET /v1/executions/{execution_id}").pathParam("execution_id", execution)
        .claims(claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String workflow, String status) {
    var route = HttpEvents.route("GET /v1/workflows/{workflow_id}/executions").pathParam("workflow_id", workflow)
        .claims(claims);
    if (status != null) {
      route.query("status", status);
    }
    return api.call(route.build());
  }

  private HandlerResponse control(Map<String, String> claims, String execution, String verb, String ifMatch) {
    var route = HttpEvents.route("POST /v1/executions/{execution_id}/" + verb).pathParam("execution_id", execution)
        .claims(claims);
    if (ifMatch != null) {
      route.header("If-Match", ifMatch);
    }
    return api.call(route.build());
  }

  private static List<String> nodes(HandlerResponse execution) {
    List<String> nodes = new ArrayList<>();
    execution.json().path("steps").forEach(step -> nodes.add(step.path("step_id").asText()));
    return nodes;
  }

  private static String stepOf(HandlerResponse execution, String node) {
    for (JsonNode step : execution.json().path("steps")) {
      if (step.path("step_id").asText().equals(node)) {
        return step.path("id").asText();
      }
    }
    throw new AssertionError("no step of " + node);
  }

  private static List<String> ids(HandlerResponse list) {
    List<String> ids = new ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}

package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.domain.DiagramColours;
import com.coditect.workflows.domain.DiagramModel;
import com.coditect.workflows.domain.DiagramPictureTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 200 executions run by the engine itself over three days, on a clock the test moves: approvals
 * decided through the API (some rejected), actions answered as PM answers them (some retried on
 * their backoff timers, some failing for good), a few executions cancelled. Every event goes where
 * template.yaml's rules send it (EngineHarness), so the aggregates are kept by the events the engine
 * really emits. The analysis agrees with the numbers computed directly from those events
 * (percentiles within HdrHistogram's 1%), and the SVG's colours agree with the analysis, in the
 * document and in the rendered picture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisAgreementIT {

  private static final int EXECUTIONS = 200;
  /** The action's retry.max_attempts in {@link #DEFINITION}. */
  private static final int MAX_ATTEMPTS = 3;
  /** The last of the three days; the analysis is asked on it. */
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 4);
  private static final Set<String> ANALYSED = Set.of("step.completed", "step.failed", "execution.started",
      "execution.completed", "execution.failed", "execution.cancelled", "approval.approved", "approval.rejected",
      "approval.expired");

  /**
   * An approval by any one of three approvers; a rejection goes to the notification. The action
   * retries errors twice on a 10 s backoff (doubling) within its 5 minutes; an action that gives up
   * fails the execution.
   */
  private static final String DEFINITION = "{'nodes': [{'id': 'start', 'type': 'start', 'name': 'Start'},"
      + "{'id': 'approve', 'type': 'approval', 'name': 'Manager approval',"
      + " 'config': {'approvers': {'user_ids': [%s]}, 'quorum': 1, 'expires_in': 'PT48H'}},"
      + "{'id': 'create', 'type': 'action', 'name': 'Create follow-up task', 'config': {'action': 'pm.create_task',"
      + " 'params': {'project_id': '=context.project', 'title': 'Follow up'},"
      + " 'retry': {'max_attempts': 3, 'backoff': 'PT10S', 'backoff_rate': 2.0}, 'timeout': 'PT5M'}},"
      + "{'id': 'notify', 'type': 'notification', 'name': 'Tell the requester', 'config': {'message': 'rejected'}},"
      + "{'id': 'end', 'type': 'end', 'name': 'Done'}],"
      + "'edges': [{'from': 'start', 'to': 'approve'}, {'from': 'approve', 'to': 'create'},"
      + "{'from': 'approve', 'to': 'notify', 'on': 'error'}, {'from': 'notify', 'to': 'end'},"
      + "{'from': 'create', 'to': 'end'}]}";

  private final ManualClock clock = ManualClockWorkflowsComponent.CLOCK;
  private WorkflowsApi api;
  private EngineHarness engine;
  private AnalysisFixtures fixtures;
  private SeededTenant acme;
  private String workflow;
  /** The approvers by user id: claims to decide with. */
  private final Map<String, Map<String, String>> approvers = new LinkedHashMap<>();
  /** The analysed events the engine and the approvals recorded, as they were put on the bus. */
  private final List<JsonNode> events = new ArrayList<>();

  @BeforeAll
  void start() {
    api = new WorkflowsApi("analysis-agreement", DaggerManualClockWorkflowsComponent.factory());
    engine = new EngineHarness(api);
    fixtures = new AnalysisFixtures(api);
    acme = api.env.seedTenant("ENG");
    String second = api.env.seedUser(acme.id(), "member");
    approvers.put(acme.ownerId(), acme.owner());
    approvers.put(acme.adminId(), acme.admin());
    approvers.put(second, HttpEvents.claims(second, acme.id(), "member"));
    workflow = engine.seedWorkflow(acme.id(), DEFINITION.formatted(
        String.join(", ", approvers.keySet().stream().map(id -> "'" + id + "'").toList())));
    Random random = new Random(20261203);
    Instant midnight = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int i = 0; i < EXECUTIONS; i++) {
      // Spread over the day and the two days before, each run within its day.
      clock.set(midnight.minus(Duration.ofDays(i % 3)).plusSeconds(random.nextInt(3600 * 12)));
      run(i % 40 == 7, random);
    }
    clock.set(midnight.plus(Duration.ofHours(23)));
    for (JsonNode event : engine.seen(record -> ANALYSED.contains(record.detailType()))) {
      if (workflow.equals(event.path("workflow_id").asText())) {
        events.add(event);
      }
    }
  }

  /** One execution, started by the member, from its start to its end. */
  private void run(boolean cancelled, Random random) {
    HandlerResponse started = api.call(HttpEvents.route("POST /v1/workflows/{workflow_id}/executions")
        .pathParam("workflow_id", workflow).claims(acme.member())
        .body("{\"context_data\": {\"project\": \"" + acme.projectId() + "\"}}").build());
    started.assertStatus(201);
    String execution = started.text("id");
    engine.pump();
    List<JsonNode> asked = engine.seen(r -> r.detailType().equals("approval.requested") && r.detail().contains(execution));
    assertEquals(approvers.size(), asked.size(), "one approval per approver");
    clock.advance(Duration.ofMillis(60_000L + random.nextInt(3_600_000)));
    if (cancelled) {
      api.call(HttpEvents.route("POST /v1/executions/{execution_id}/cancel").pathParam("execution_id", execution)
          .claims(acme.owner()).build()).assertStatus(200);
      engine.pump();
      return;
    }
    JsonNode approval = asked.get(random.nextInt(asked.size()));
    boolean rejected = random.nextInt(10) == 0;
    api.call(HttpEvents.route("POST /v1/approvals/{approval_id}/" + (rejected ? "reject" : "approve"))
        .pathParam("approval_id", approval.path("resource_id").asText())
        .claims(approvers.get(approval.path("approver_id").asText())).body("{}").build()).assertStatus(200);
    engine.pump();
    if (!rejected) {
      // Errors before a success, or giving up: every attempt an error, or one that times out.
      int errors = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
      boolean givesUp = random.nextInt(8) == 0;
      boolean timesOut = givesUp && random.nextBoolean();
      int attempts = givesUp && !timesOut ? MAX_ATTEMPTS : errors + 1;
      for (int attempt = 1; attempt <= attempts; attempt++) {
        List<JsonNode> requests = engine.seen(r -> r.detailType().equals("action.requested")
            && r.detail().contains(execution));
        JsonNode request = requests.get(requests.size() - 1);
        String step = request.path("step_id").asText();
        boolean last = attempt == attempts;
        if (last && timesOut) {
          // No answer in time: the action's timeout timer fires (a timeout is not retried).
          clock.advance(Duration.ofMinutes(5));
          engine.fireTimer(acme.id(), execution, step, "action_timeout");
        } else {
          clock.advance(Duration.ofMillis(200 + random.nextInt(2000)));
          boolean succeeds = last && !givesUp;
          answer(execution, step, request.path("request_id").asText(), succeeds);
        }
        engine.pump();
        if (!last) {
          clock.advance(Duration.ofSeconds(10L << (attempt - 1)));
          engine.fireTimer(acme.id(), execution, step, "retry");
          engine.pump();
        }
      }
    }
    HandlerResponse ended = api.call(HttpEvents.route("GET /v1/executions/{execution_id}")
        .pathParam("execution_id", execution).claims(acme.owner()).build());
    String status = ended.text("status");
    assertTrue(status.equals("completed") || status.equals("failed"), execution + " is " + status + ": " + ended.json());
  }

  /** PM's answer to the action's request, as PM records it. */
  private void answer(String execution, String step, String requestId, boolean succeeded) {
    engine.deliver("coditect.pm", "step.resolved", Json.readTree("{\"tenant_id\": \"" + acme.id()
        + "\", \"resource_type\": \"execution\", \"resource_id\": \"" + execution + "\", \"step_id\": \"" + step
        + "\", \"request_id\": \"" + requestId + "\", \"outcome\": \"" + (succeeded ? "success" : "error")
        + "\", \"output\": " + (succeeded ? "{\"task_id\": \"" + Ids.newId() + "\"}" : "null")
        + ", \"error_message\": " + (succeeded ? "null" : "\"the task could not be created\"") + "}"));
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void theAnalysisAgreesWithTheEventsAndTheSvgWithTheAnalysis() throws Exception {
    HandlerResponse response = fixtures.analysis(acme.viewer(), workflow);
    response.assertStatus(200);
    assertEquals(List.of("GetItem", "Query"), response.dynamoCalls());
    JsonNode analysis = response.json();

    // -- the executions, counted straight from the events
    JsonNode executions = analysis.path("executions");
    assertEquals(EXECUTIONS, executions.path("started").asInt());
    assertEquals(count("execution.completed"), executions.path("completed").asInt());
    assertEquals(count("execution.failed"), executions.path("failed").asInt());
    assertEquals(count("execution.cancelled"), executions.path("cancelled").asInt());
    assertTrue(count("execution.failed") > 10 && count("execution.cancelled") == 5);
    assertEquals(round((double) count("execution.completed") / (EXECUTIONS)), executions.path("success_rate").asDouble(),
        1e-9);
    List<Long> timesToComplete = new ArrayList<>();
    for (JsonNode event : events) {
      if (event.path("action").asText().equals("execution.completed")) {
        timesToComplete.add(millis(event, "started_at", "completed_at"));
      }
    }
    assertPercentile(timesToComplete, 50, executions.path("time_to_complete_ms").path("p50").asLong());
    assertPercentile(timesToComplete, 90, executions.path("time_to_complete_ms").path("p90").asLong());

    // -- each step: runs, failures, retries, durations and waits of every attempt
    Map<String, JsonNode> rows = new TreeMap<>();
    analysis.path("steps").forEach(row -> rows.put(row.path("node_id").asText(), row));
    assertEquals(List.of("approve", "create", "end", "notify", "start"), List.copyOf(rows.keySet()));
    for (String node : rows.keySet()) {
      long runs = 0;
      long failures = 0;
      long retries = 0;
      List<Long> durations = new ArrayList<>();
      List<Long> waits = new ArrayList<>();
      for (JsonNode event : events) {
        if (!event.path("action").asText().startsWith("step.") || !event.path("node_id").asText().equals(node)) {
          continue;
        }
        boolean retry = event.path("will_retry").asBoolean();
        runs += retry ? 0 : 1;
        retries += retry ? 1 : 0;
        failures += !retry && !event.path("outcome").asText().equals("success") ? 1 : 0;
        durations.add(millis(event, "started_at", "completed_at"));
        waits.add(millis(event, "created_at", "started_at"));
      }
      JsonNode row = rows.get(node);
      assertEquals(runs, row.path("count").asLong(), node);
      assertEquals(failures, row.path("failures").asLong(), node);
      assertEquals(retries, row.path("retries").asLong(), node);
      assertEquals(round((double) failures / runs), row.path("failure_rate").asDouble(), 1e-9, node);
      assertEquals(round((double) retries / runs), row.path("retry_rate").asDouble(), 1e-9, node);
      for (int p : new int[] {50, 90, 99}) {
        assertPercentile(durations, p, row.path("duration_ms").path("p" + p).asLong());
        assertPercentile(waits, p, row.path("wait_ms").path("p" + p).asLong());
      }
    }
    assertTrue(rows.get("create").path("retries").asLong() > 20, "some actions were retried");
    assertTrue(rows.get("create").path("failures").asLong() > 5, "some actions failed for good");

    // -- the bottleneck: approvals take minutes, every other step seconds at most
    assertEquals("approve", analysis.path("bottleneck").path("node_id").asText());

    // -- the approvers' turnaround
    long decided = 0;
    for (JsonNode approver : analysis.path("approvers")) {
      List<Long> turnaround = new ArrayList<>();
      for (JsonNode event : events) {
        if (Set.of("approval.approved", "approval.rejected").contains(event.path("action").asText())
            && event.path("approver_id").asText().equals(approver.path("approver_id").asText())) {
          turnaround.add(millis(event, "created_at", "decided_at"));
        }
      }
      assertEquals(turnaround.size(), approver.path("decided").asInt());
      assertPercentile(turnaround, 50, approver.path("turnaround_ms").path("p50").asLong());
      decided += turnaround.size();
    }
    assertEquals(count("approval.approved") + count("approval.rejected"), decided);

    // -- the SVG: each node's fill is its p90's heat against the slowest p90, its failure bar its failure rate
    HandlerResponse svg = fixtures.diagram(acme.viewer(), workflow);
    svg.assertStatus(200);
    Document document = DiagramPictureTest.parse(svg.raw());
    BufferedImage picture = DiagramPictureTest.render(svg.raw(), "agreement.png");
    long maxP90 = 0;
    for (JsonNode row : rows.values()) {
      maxP90 = Math.max(maxP90, row.path("duration_ms").path("p90").asLong());
    }
    for (JsonNode row : rows.values()) {
      String node = row.path("node_id").asText();
      String expected = DiagramColours.fill(DiagramModel.heat(row.path("duration_ms").path("p90").asLong(), maxP90));
      assertEquals(expected, DiagramPictureTest.fillOf(document, node), node);
      assertEquals(DiagramPictureTest.rgb(expected), DiagramPictureTest.pixelInside(document, picture, node), node);
      Element bar = failureBar(document, node);
      if (row.path("failure_rate").asDouble() > 0) {
        assertNotNull(bar, node);
        double track = Double.parseDouble(((Element) bar.getPreviousSibling()).getAttribute("width"));
        assertEquals(Math.max(2 / track, row.path("failure_rate").asDouble()),
            Double.parseDouble(bar.getAttribute("width")) / track, 0.002, node);
      } else {
        assertEquals(null, bar, node);
      }
    }
    assertEquals(DiagramColours.fill(1.0), DiagramPictureTest.fillOf(document, "approve"));
  }

  private static Element failureBar(Document document, String node) {
    NodeList rects = DiagramPictureTest.node(document, node).getElementsByTagName("rect");
    for (int i = 0; i < rects.getLength(); i++) {
      if ("failure-bar".equals(((Element) rects.item(i)).getAttribute("class"))) {
        return (Element) rects.item(i);
      }
    }
    return null;
  }

  private long count(String action) {
    return events.stream().filter(event -> event.path("action").asText().equals(action)).count();
  }

  private static long millis(JsonNode event, String from, String to) {
    return Duration.between(Timestamps.parse(event.path(from).asText()), Timestamps.parse(event.path(to).asText()))
        .toMillis();
  }

  /** The exact percentile (nearest rank) of {@code values} is within HdrHistogram's 1% of {@code actual}. */
  private static void assertPercentile(List<Long> values, int percentile, long actual) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    long exact = sorted.get((int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    assertEquals(exact, actual, exact * 0.01 + 1, "p" + percentile + " of " + sorted.size() + " values");
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}

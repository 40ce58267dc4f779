package com.coditect.workflows;

import static com.coditect.testing.ListAsserts.bad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.Ids;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.StepStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.InputSource;

/**
 * {@code GET /v1/workflows/{workflow_id}/analysis} and {@code .../diagram} on moto, over aggregates
 * kept by the engine's and approvals' events delivered to the events handler (each exactly once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisRoutesIT {

  private WorkflowsApi api;
  private AnalysisFixtures fixtures;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("analysis");
    fixtures = new AnalysisFixtures(api);
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private static Instant today(int hour) {
    return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
  }

  /** One execution at {@code version}: started, create tried {@code attempts} times, then completed or failed. */
  private void run(String workflowId, long version, Instant at, long createMillis, int attempts, boolean fails) {
    String execution = Ids.newId();
    fixtures.deliver(AnalysisFixtures.execution(acme.id(), workflowId, version, execution, "running", at, null));
    Instant created = at.plusMillis(100);
    Instant cursor = created;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Instant started = cursor.plusMillis(50);
      Instant ended = started.plusMillis(createMillis);
      boolean last = attempt == attempts;
      String outcome = last && !fails ? "success" : "error";
      fixtures.deliver(AnalysisFixtures.step(acme.id(), workflowId, version, execution, "create", "action", attempt,
          created, started, ended, outcome, !last));
      cursor = ended.plusMillis(1000);
    }
    fixtures.deliver(AnalysisFixtures.execution(acme.id(), workflowId, version, execution,
        fails ? "failed" : "completed", at, cursor));
  }

  @Test
  void answersAPeriodFromTheDayAggregatesInOneGetAndOneQuery() {
    String workflow = fixtures.workflow(acme.id(), 2);
    run(workflow, 1, today(1).minus(Duration.ofDays(3)), 400, 1, false);
    run(workflow, 2, today(1), 200, 2, false);
    run(workflow, 2, today(2), 800, 1, true);
    fixtures.deliver(AnalysisFixtures.approval(acme.id(), workflow, 2, Ids.newId(), acme.adminId(), "approved",
        today(1), today(1).plusSeconds(90)));
    fixtures.deliver(AnalysisFixtures.approval(acme.id(), workflow, 2, Ids.newId(), acme.adminId(), "expired",
        today(1), today(3)));

    HandlerResponse all = fixtures.analysis(acme.viewer(), workflow);
    all.assertStatus(200);
    assertEquals(List.of("GetItem", "Query"), all.dynamoCalls());
    JsonNode body = all.json();
    assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), body.path("to").asText());
    assertEquals(LocalDate.now(ZoneOffset.UTC).minusDays(29).toString(), body.path("from").asText());
    assertTrue(body.path("version").isNull());
    JsonNode executions = body.path("executions");
    assertEquals(3, executions.path("started").asInt());
    assertEquals(2, executions.path("completed").asInt());
    assertEquals(1, executions.path("failed").asInt());
    assertEquals(0.6667, executions.path("success_rate").asDouble(), 1e-9);
    JsonNode create = stepRow(body, "create");
    assertEquals("Create follow-up task", create.path("node_name").asText());
    assertEquals("action", create.path("node_type").asText());
    assertEquals(3, create.path("count").asInt());
    assertEquals(1, create.path("failures").asInt());
    assertEquals(1, create.path("retries").asInt());
    assertEquals(0.3333, create.path("failure_rate").asDouble(), 1e-9);
    assertEquals(800, create.path("duration_ms").path("p99").asLong(), 8);
    assertEquals("create", body.path("bottleneck").path("node_id").asText());
    JsonNode approver = body.path("approvers").get(0);
    assertEquals(acme.adminId(), approver.path("approver_id").asText());
    assertEquals(1, approver.path("decided").asInt());
    assertEquals(1, approver.path("expired").asInt());
    assertEquals(90_000, approver.path("turnaround_ms").path("p50").asLong(), 900);

    JsonNode version2 = fixtures.analysis(acme.member(), workflow, "version", "2").json();
    assertEquals(2, version2.path("version").asInt());
    assertEquals(2, version2.path("executions").path("started").asInt());
    JsonNode today = fixtures.analysis(acme.member(), workflow, "from", LocalDate.now(ZoneOffset.UTC).toString()).json();
    assertEquals(2, today.path("executions").path("started").asInt());
    String fourDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(4).toString();
    JsonNode past = fixtures.analysis(acme.member(), workflow, "from", fourDaysAgo, "to",
        LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()).json();
    assertEquals(1, past.path("executions").path("started").asInt());
    assertTrue(past.path("approvers").isEmpty());
  }

  @Test
  void aDuplicateEventCountsOnceAndConcurrentEventsOfOneDayAllCount() throws Exception {
    String workflow = fixtures.workflow(acme.id(), 1);
    ObjectNode started = AnalysisFixtures.execution(acme.id(), workflow, 1, Ids.newId(), "running", today(5), null);
    fixtures.deliver(started);
    fixtures.deliver(started);
    assertEquals(1, fixtures.analysis(acme.owner(), workflow).json().path("executions").path("started").asInt());

    int events = 12;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        ObjectNode detail = AnalysisFixtures.step(acme.id(), workflow, 1, Ids.newId(), "create", "action", 1,
            today(5), today(5).plusMillis(10), today(5).plusMillis(10 + i), "success", false);
        sent.add(pool.submit(() -> fixtures.deliver(detail)));
        sent.add(pool.submit(() -> fixtures.deliver(detail)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    JsonNode create = stepRow(fixtures.analysis(acme.owner(), workflow).json(), "create");
    assertEquals(events, create.path("count").asInt());
  }

  @Test
  void whoMayReadTheAnalysis() {
    String workflow = fixtures.workflow(acme.id(), 1);
    HandlerResponse anonymous = fixtures.analysis(null, workflow);
    anonymous.assertStatus(401);
    assertTrue(anonymous.dynamoCalls().isEmpty());
    HandlerResponse foreign = fixtures.analysis(globex.owner(), workflow);
    foreign.assertStatus(404);
    assertEquals(List.of("GetItem"), foreign.dynamoCalls());
    fixtures.analysis(acme.owner(), Ids.newId()).assertStatus(404);
    // Reading is open to every role of the tenant: no role is refused (no 403 to test).
    fixtures.analysis(acme.viewer(), workflow).assertStatus(200);
    fixtures.analysis(HttpEvents.claims(api.env.seedUser(acme.id(), "auditor"), acme.id(), "auditor"), workflow)
        .assertStatus(200);
    fixtures.diagram(null, workflow).assertStatus(401);
    fixtures.diagram(globex.viewer(), workflow).assertStatus(404);
  }

  @Test
  void badQueriesAre400NamingTheFieldAndImpossiblePeriods422() {
    String workflow = fixtures.workflow(acme.id(), 2);
    assertEquals(List.of("from"), bad(fixtures.analysis(acme.owner(), workflow, "from", "2026-13-01")));
    assertEquals(List.of("to"), bad(fixtures.analysis(acme.owner(), workflow, "to", "yesterday")));
    assertEquals(List.of("version"), bad(fixtures.analysis(acme.owner(), workflow, "version", "0")));
    assertEquals(List.of("workflow_id"), bad(fixtures.analysis(acme.owner(), "wf")));
    assertEquals(List.of("format"), bad(fixtures.diagram(acme.owner(), workflow, "format", "png")));
    assertEquals(List.of("execution_id"), bad(fixtures.diagram(acme.owner(), workflow, "execution_id", "x")));

    HandlerResponse reversed = fixtures.analysis(acme.owner(), workflow, "from", "2026-12-03", "to", "2026-12-01");
    reversed.assertStatus(422);
    assertEquals(List.of("from"), reversed.errorFields());
    HandlerResponse tooLong = fixtures.analysis(acme.owner(), workflow, "from", "2024-01-01", "to", "2026-01-01");
    tooLong.assertStatus(422);
    assertEquals(List.of("to"), tooLong.errorFields());
    HandlerResponse noSuchVersion = fixtures.analysis(acme.owner(), workflow, "version", "3");
    noSuchVersion.assertStatus(422);
    assertEquals(List.of("version"), noSuchVersion.errorFields());
  }

  @Test
  void theDiagramIsSvgOrMermaidColouredByTheAnalysisWithAnExecutionsPath() throws Exception {
    String workflow = fixtures.workflow(acme.id(), 1);
    run(workflow, 1, today(1), 300, 1, false);

    HandlerResponse svg = fixtures.diagram(acme.viewer(), workflow);
    svg.assertStatus(200);
    assertEquals("image/svg+xml; charset=utf-8", svg.header("Content-Type"));
    assertEquals(List.of("GetItem", "Query"), svg.dynamoCalls());
    var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg.raw())));
    assertEquals("svg", document.getDocumentElement().getTagName());
    assertTrue(svg.raw().contains("data-node-id=\"create\" data-fill=\"#bd0026\""), "the only step run is the hottest");

    HandlerResponse mermaid = fixtures.diagram(acme.viewer(), workflow, "format", "mermaid");
    mermaid.assertStatus(200);
    assertEquals("text/vnd.mermaid; charset=utf-8", mermaid.header("Content-Type"));
    assertTrue(mermaid.raw().startsWith("flowchart TD\n"), mermaid.raw());
    assertTrue(mermaid.raw().contains("-->|\"error\"|"), mermaid.raw());

    String execution = fixtures.execution(acme.id(), workflow, 1, ExecutionStatus.RUNNING, "create", List.of(
        Map.entry("start", StepStatus.COMPLETED), Map.entry("approve", StepStatus.COMPLETED),
        Map.entry("create", StepStatus.RUNNING)));
    HandlerResponse path = fixtures.diagram(acme.member(), workflow, "execution_id", execution);
    path.assertStatus(200);
    assertEquals(List.of("GetItem", "Query", "Query"), path.dynamoCalls());
    assertTrue(path.raw().contains("data-node-id=\"create\" data-fill=\"#bd0026\" data-state=\"current\""),
        path.raw());
    assertTrue(path.raw().contains("data-from=\"start\" data-to=\"approve\" data-taken=\"true\""));
    assertTrue(path.raw().contains("data-from=\"create\" data-to=\"end\" data-taken=\"false\""));

    HandlerResponse unknown = fixtures.diagram(acme.member(), workflow, "execution_id", Ids.newId());
    unknown.assertStatus(404);
    assertEquals(List.of("execution_id"), unknown.errorFields());
    String otherWorkflow = fixtures.workflow(acme.id(), 1);
    fixtures.diagram(acme.member(), otherWorkflow, "execution_id", execution).assertStatus(404);
  }

  @Test
  void anExecutionOfAnOlderVersionIsDrawnOnThatVersionsDefinition() throws Exception {
    String workflow = fixtures.workflow(acme.id(), 2);
    fixtures.version(acme.id(), workflow, 1, "{\"nodes\": [{\"id\": \"start\", \"type\": \"start\"},"
        + " {\"id\": \"legacy\", \"type\": \"action\", \"name\": \"Legacy export\"},"
        + " {\"id\": \"end\", \"type\": \"end\"}], \"edges\": [{\"from\": \"start\", \"to\": \"legacy\"},"
        + " {\"from\": \"legacy\", \"to\": \"end\"}]}");
    String execution = fixtures.execution(acme.id(), workflow, 1, ExecutionStatus.FAILED, "legacy", List.of(
        Map.entry("start", StepStatus.COMPLETED), Map.entry("legacy", StepStatus.FAILED)));
    HandlerResponse old = fixtures.diagram(acme.member(), workflow, "execution_id", execution);
    old.assertStatus(200);
    assertEquals(List.of("GetItem", "Query", "GetItem", "Query"), old.dynamoCalls());
    assertTrue(old.raw().contains("data-node-id=\"legacy\""), old.raw());
    assertTrue(old.raw().contains("data-state=\"failed\""), old.raw());
    assertTrue(!old.raw().contains("data-node-id=\"approve\""), "the current version's nodes are not drawn");
    assertTrue(fixtures.diagram(acme.member(), workflow).raw().contains("data-node-id=\"approve\""));
  }

  private static JsonNode stepRow(JsonNode analysis, String nodeId) {
    for (JsonNode row : analysis.path("steps")) {
      if (row.path("node_id").asText().equals(nodeId)) {
        return row;
      }
    }
    throw new AssertionError("no step " + nodeId + " in " + analysis);
  }
}

package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.domain.DiagramColours;
import com.coditect.workflows.domain.DiagramModel;
import com.coditect.workflows.domain.DiagramPictureTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 200 executions' events over three days, some approvals rejected, some actions retried and some
 * failing for good, a few executions cancelled: the analysis agrees with the numbers computed
 * directly from those events (percentiles within HdrHistogram's 1%), and the SVG's colours agree
 * with the analysis, in the document and in the rendered picture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisAgreementIT {

  private static final int EXECUTIONS = 200;

  private WorkflowsApi api;
  private AnalysisFixtures fixtures;
  private SeededTenant acme;
  private String workflow;
  private final List<ObjectNode> events = new ArrayList<>();

  @BeforeAll
  void start() {
    api = new WorkflowsApi("analysis-agreement");
    fixtures = new AnalysisFixtures(api);
    acme = api.env.seedTenant("ENG");
    workflow = fixtures.workflow(acme.id(), 1);
    List<String> approvers = List.of(acme.ownerId(), acme.adminId(), acme.memberId());
    Random random = new Random(20261203);
    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int i = 0; i < EXECUTIONS; i++) {
      String execution = Ids.newId();
      // Spread over today and the two days before, each run within its day.
      Instant t = midnight.minus(Duration.ofDays(i % 3)).plusSeconds(random.nextInt(3600 * 12));
      Instant startedAt = t;
      events.add(AnalysisFixtures.execution(acme.id(), workflow, 1, execution, "running", startedAt, null));
      t = step(execution, "start", "start", t, 1 + random.nextInt(5), 0, "success", false, random);
      if (i % 40 == 7) {
        events.add(AnalysisFixtures.execution(acme.id(), workflow, 1, execution, "cancelled", startedAt, t));
        continue;
      }
      Instant requested = t;
      boolean rejected = random.nextInt(10) == 0;
      long decision = 60_000L + random.nextInt(3_600_000);
      t = step(execution, "approve", "approval", t, decision, random.nextInt(400), rejected ? "error" : "success",
          false, random);
      events.add(AnalysisFixtures.approval(acme.id(), workflow, 1, execution, approvers.get(random.nextInt(3)),
          rejected ? "rejected" : "approved", requested, t));
      boolean failed = rejected;
      if (!rejected) {
        int attempts = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        boolean givesUp = random.nextInt(8) == 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
          boolean last = attempt == attempts;
          String outcome = last && !givesUp ? "success" : random.nextBoolean() ? "error" : "timeout";
          t = step(execution, "create", "action", t, 200 + random.nextInt(2000), 10 + random.nextInt(90), outcome,
              !last, random);
        }
        failed = givesUp;
      }
      if (failed) {
        t = step(execution, "notify", "notification", t, 20 + random.nextInt(100), 5, "success", false, random);
        events.add(AnalysisFixtures.execution(acme.id(), workflow, 1, execution, "failed", startedAt, t));
      } else {
        t = step(execution, "end", "end", t, 1 + random.nextInt(3), 0, "success", false, random);
        events.add(AnalysisFixtures.execution(acme.id(), workflow, 1, execution, "completed", startedAt, t));
      }
    }
    events.forEach(fixtures::deliver);
  }

  /** Adds one step attempt's event: waits {@code wait} ms, runs {@code millis} ms; returns when it ended. */
  private Instant step(String execution, String node, String type, Instant from, long millis, long wait,
      String outcome, boolean willRetry, Random random) {
    Instant started = from.plusMillis(wait);
    Instant ended = started.plusMillis(millis);
    events.add(AnalysisFixtures.step(acme.id(), workflow, 1, execution, node, type, 1, from, started, ended, outcome,
        willRetry));
    return ended;
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
    for (ObjectNode event : events) {
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
      for (ObjectNode event : events) {
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
      for (ObjectNode event : events) {
        if (event.path("action").asText().startsWith("approval.")
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

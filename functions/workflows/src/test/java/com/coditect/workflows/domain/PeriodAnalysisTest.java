package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.workflows.api.AnalysisResponse.Percentiles;
import com.coditect.workflows.api.AnalysisResponse.Step;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.data.StatsScope;
import com.coditect.workflows.data.WorkflowStatsItem;
import com.coditect.workflows.model.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The maths of a period: days merged, rates, percentiles against exact ones, the bottleneck. */
class PeriodAnalysisTest {

  private static WorkflowStatsItem day(String day, StatsScope scope, String subject, long runs, long failures,
      long retries, long[] durations) {
    Sketch sketch = Sketch.empty();
    Arrays.stream(durations).forEach(sketch::record);
    return WorkflowStatsItem.builder()
        .meta(com.coditect.shared.store.ItemMeta.builder().pk("P").sk(day + subject).build())
        .workflowId("w").day(day).scope(scope).subject(subject).nodeType(scope == StatsScope.STEP ? NodeType.ACTION : null)
        .runs(runs).failures(failures).retries(retries).started(0L).completed(0L).failed(0L).cancelled(0L)
        .approved(0L).rejected(0L).expired(0L).durations(durations.length == 0 ? null : sketch.toBytes()).build();
  }

  @Test
  void mergingDaysGivesThePercentilesOfAllTheirValues() {
    Random random = new Random(7);
    List<WorkflowStatsItem> days = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    for (int d = 1; d <= 30; d++) {
      long[] values = new long[20 + random.nextInt(40)];
      for (int i = 0; i < values.length; i++) {
        // Each day its own spread, so a day's percentiles are not the period's.
        values[i] = 50 + (long) (random.nextDouble() * 1000 * d);
        all.add(values[i]);
      }
      days.add(day(String.format("2026-11-%02d", d), StatsScope.STEP, "s", values.length, 0, 0, values));
    }
    AnalysisResponse analysis = PeriodAnalysis.of("w", null, "2026-11-01", "2026-11-30", days, Map.of());
    Percentiles merged = analysis.steps().get(0).durationMs();
    all.sort(Long::compare);
    for (double[] check : new double[][] {{50, merged.p50()}, {90, merged.p90()}, {99, merged.p99()}}) {
      long exact = all.get((int) Math.ceil(check[0] / 100 * all.size()) - 1);
      assertEquals(exact, check[1], exact * 0.01 + 1, "p" + (int) check[0]);
    }
    assertEquals(all.size(), analysis.steps().get(0).count());
  }

  @Test
  void ratesArePerRunAndNullWithoutRuns() {
    List<WorkflowStatsItem> days = List.of(
        day("2026-11-01", StatsScope.STEP, "a", 6, 1, 2, new long[] {10}),
        day("2026-11-02", StatsScope.STEP, "a", 2, 1, 0, new long[] {20}),
        day("2026-11-02", StatsScope.STEP, "b", 0, 0, 0, new long[] {}));
    Map<String, String> names = new LinkedHashMap<>();
    names.put("b", "B");
    names.put("a", "A");
    List<Step> steps = PeriodAnalysis.of("w", null, "f", "t", days, names).steps();
    assertEquals(List.of("b", "a"), steps.stream().map(Step::nodeId).toList(), "the definition's order");
    Step a = steps.get(1);
    assertEquals("A", a.nodeName());
    assertEquals(8, a.count());
    assertEquals(0.25, a.failureRate());
    assertEquals(0.25, a.retryRate());
    assertNull(steps.get(0).failureRate());
    assertNull(steps.get(0).durationMs());
    assertEquals(1.0 / 3, PeriodAnalysis.rate(1, 3), 1e-4);
    assertNull(PeriodAnalysis.rate(0, 0));
  }

  @Test
  void theBottleneckIsTheHighestP90WeightedByItsShareOfRuns() {
    Step rareButSlow = step("rare", 2, 10_000);
    Step everyTimeAndSlowish = step("often", 98, 1_000);
    Step fast = step("fast", 100, 10);
    var bottleneck = PeriodAnalysis.bottleneck(List.of(rareButSlow, everyTimeAndSlowish, fast));
    assertEquals("often", bottleneck.nodeId());
    assertEquals(0.49, bottleneck.countShare());
    assertEquals(490, bottleneck.scoreMs());
    assertEquals(1_000, bottleneck.p90DurationMs());
    // Alone, the slow one is the bottleneck; with nothing run there is none.
    assertEquals("rare", PeriodAnalysis.bottleneck(List.of(rareButSlow, fast)).nodeId());
    assertNull(PeriodAnalysis.bottleneck(List.of(step("idle", 0, 0))));
  }

  private static Step step(String id, long count, long p90) {
    return new Step(id, id, "action", count, 0, 0, 0.0, 0.0, count == 0 ? null : new Percentiles(p90 / 2, p90, p90),
        null);
  }

  @Test
  void theWorkflowsSuccessRateIsCompletedOverEverythingThatEnded() {
    WorkflowStatsItem workflow = day("2026-11-01", StatsScope.WORKFLOW, null, 0, 0, 0, new long[] {1000, 3000})
        .withStarted(10L).withCompleted(6L).withFailed(3L).withCancelled(1L);
    WorkflowStatsItem next = day("2026-11-02", StatsScope.WORKFLOW, null, 0, 0, 0, new long[] {2000})
        .withStarted(2L).withCompleted(2L);
    AnalysisResponse.Executions executions = PeriodAnalysis.of("w", null, "f", "t", List.of(workflow, next), Map.of())
        .executions();
    assertEquals(12, executions.started());
    assertEquals(8, executions.completed());
    assertEquals(0.6667, executions.successRate());
    assertEquals(2000, executions.timeToCompleteMs().p50(), 20);
  }
}

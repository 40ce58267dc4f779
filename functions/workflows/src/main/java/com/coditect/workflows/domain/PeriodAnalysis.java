package com.coditect.workflows.domain;

import com.coditect.workflows.api.AnalysisResponse.Approver;
import com.coditect.workflows.api.AnalysisResponse.Bottleneck;
import com.coditect.workflows.api.AnalysisResponse.Executions;
import com.coditect.workflows.api.AnalysisResponse.Percentiles;
import com.coditect.workflows.api.AnalysisResponse.Step;
import com.coditect.workflows.api.AnalysisResponse;
import com.coditect.workflows.data.WorkflowStatsItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of a period from its day aggregates: counters summed, sketches merged (exact for
 * histograms, so a period's percentiles are those of all its values), rates and the bottleneck
 * derived. Pure: the aggregates in, the response out.
 */
public final class PeriodAnalysis {

  private PeriodAnalysis() {}

  /**
   * The analysis of {@code items} (the days of one version, or of all versions). Steps are listed
   * in the definition's order of {@code nodeNames} (id to name), then any node the definition no
   * longer has, by id.
   */
  public static AnalysisResponse of(String workflowId, @Nullable Long version, String from, String to,
      List<WorkflowStatsItem> items, Map<String, String> nodeNames) {
    Totals workflow = new Totals(null);
    Map<String, Totals> steps = new TreeMap<>();
    Map<String, Totals> approvers = new TreeMap<>();
    for (WorkflowStatsItem item : items) {
      Totals totals = switch (item.scope()) {
        case WORKFLOW -> workflow;
        case STEP -> steps.computeIfAbsent(item.subject(), Totals::new);
        case APPROVER -> approvers.computeIfAbsent(item.subject(), Totals::new);
      };
      totals.add(item);
    }
    List<Step> stepRows = new ArrayList<>();
    Map<String, Totals> ordered = new LinkedHashMap<>();
    nodeNames.keySet().forEach(id -> {
      if (steps.containsKey(id)) {
        ordered.put(id, steps.get(id));
      }
    });
    steps.forEach(ordered::putIfAbsent);
    ordered.forEach((id, totals) -> stepRows.add(new Step(id, nodeNames.getOrDefault(id, totals.nodeName),
        totals.nodeType, totals.runs, totals.failures, totals.retries, rate(totals.failures, totals.runs),
        rate(totals.retries, totals.runs), percentiles(totals.durations), percentiles(totals.waits))));
    List<Approver> approverRows = new ArrayList<>();
    approvers.forEach((id, totals) -> approverRows.add(new Approver(id, totals.approved + totals.rejected,
        totals.approved, totals.rejected, totals.expired, percentiles(totals.durations))));
    Executions executions = new Executions(workflow.started, workflow.completed, workflow.failed,
        workflow.cancelled, rate(workflow.completed, workflow.completed + workflow.failed + workflow.cancelled),
        percentiles(workflow.durations));
    return new AnalysisResponse(workflowId, version, from, to, executions, List.copyOf(stepRows),
        bottleneck(stepRows), List.copyOf(approverRows));
  }

  /**
   * The step with the highest p90 duration times its share of all runs: the one whose slow runs
   * cost the most in total, so a slow step that rarely runs does not outrank a slightly faster one
   * every execution passes. Ties go to the earlier step. Null when no step has run.
   */
  static @Nullable Bottleneck bottleneck(List<Step> steps) {
    long allRuns = steps.stream().mapToLong(Step::count).sum();
    if (allRuns == 0) {
      return null;
    }
    Bottleneck best = null;
    for (Step step : steps) {
      if (step.count() == 0 || step.durationMs() == null) {
        continue;
      }
      double share = (double) step.count() / allRuns;
      long score = Math.round(step.durationMs().p90() * share);
      if (best == null || score > best.scoreMs()) {
        best = new Bottleneck(step.nodeId(), step.nodeName(), step.durationMs().p90(), round(share), score);
      }
    }
    return best;
  }

  /** {@code part / whole}, to 4 decimals; null when {@code whole} is 0. */
  static @Nullable Double rate(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole);
  }

  static @Nullable Percentiles percentiles(Sketch sketch) {
    return sketch.count() == 0 ? null
        : new Percentiles(sketch.percentile(50), sketch.percentile(90), sketch.percentile(99));
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  /** One scope's sums over the period. */
  private static final class Totals {
    long runs;
    long failures;
    long retries;
    long started;
    long completed;
    long failed;
    long cancelled;
    long approved;
    long rejected;
    long expired;
    @Nullable String nodeType;
    @Nullable String nodeName;
    final Sketch durations = Sketch.empty();
    final Sketch waits = Sketch.empty();
    private String latestDay = "";

    Totals(@Nullable String subject) {}

    void add(WorkflowStatsItem item) {
      runs += item.runs();
      failures += item.failures();
      retries += item.retries();
      started += item.started();
      completed += item.completed();
      failed += item.failed();
      cancelled += item.cancelled();
      approved += item.approved();
      rejected += item.rejected();
      expired += item.expired();
      durations.merge(Sketch.of(item.durations()));
      waits.merge(Sketch.of(item.waits()));
      // The latest day's type and name: what the node is now, if it changed between versions.
      if (item.day().compareTo(latestDay) >= 0) {
        latestDay = item.day();
        nodeType = item.nodeType() == null ? nodeType : item.nodeType().apiName();
        nodeName = item.nodeName() == null ? nodeName : item.nodeName();
      }
    }
  }
}

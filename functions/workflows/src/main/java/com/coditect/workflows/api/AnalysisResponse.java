package com.coditect.workflows.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/workflows/{workflow_id}/analysis}: a period's executions, steps, bottleneck and
 * approvers, from the day aggregates the events keep. Durations are milliseconds; a rate is a
 * fraction (0 to 1), null when there was nothing to divide by.
 */
public record AnalysisResponse(String workflowId, @Nullable Long version, String from, String to,
    Executions executions, List<Step> steps, @Nullable Bottleneck bottleneck, List<Approver> approvers) {

  /** Percentiles of a distribution in milliseconds (each within 1% of the exact value). */
  public record Percentiles(long p50, long p90, long p99) {}

  /** The workflow's executions: success rate is completed over completed, failed and cancelled. */
  public record Executions(long started, long completed, long failed, long cancelled, @Nullable Double successRate,
      @Nullable Percentiles timeToCompleteMs) {}

  /**
   * One node's runs: {@code count} runs that ended, {@code failures} of them failed, {@code retries}
   * failed attempts retried; the rates are per run; duration per attempt, wait before each attempt.
   */
  public record Step(String nodeId, @Nullable String nodeName, @Nullable String nodeType, long count, long failures,
      long retries, @Nullable Double failureRate, @Nullable Double retryRate, @Nullable Percentiles durationMs,
      @Nullable Percentiles waitMs) {}

  /**
   * The step that costs the period most: the highest p90 duration times its share of all runs
   * ({@code score_ms}, an expected cost per run of the workflow's steps).
   */
  public record Bottleneck(String nodeId, @Nullable String nodeName, long p90DurationMs, double countShare,
      long scoreMs) {}

  /** One approver's decisions and turnaround (created to decided). */
  public record Approver(String approverId, long decided, long approved, long rejected, long expired,
      @Nullable Percentiles turnaroundMs) {}
}

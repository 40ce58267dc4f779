package com.coditect.workflows.domain;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.store.Timestamps;
import com.coditect.workflows.data.StatsScope;
import com.coditect.workflows.model.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one event adds to a workflow's analysis: to which scope (the workflow, a step, an approver)
 * of which day, and how much. The rules, one place:
 * <ul>
 *   <li>{@code step.completed}, {@code step.failed}: every finished attempt records its duration
 *       ({@code completed_at - started_at}) and its wait before it started ({@code started_at -
 *       created_at}, retry backoff included); an attempt that will be retried ({@code will_retry})
 *       counts one retry; any other ends a run, which counts one run, and one failure if it failed
 *       (error or timeout). {@code step.skipped} is no run and adds nothing.</li>
 *   <li>{@code execution.started} counts one started; {@code .completed} one completed and its time
 *       to complete ({@code completed_at - started_at}); {@code .failed}, {@code .cancelled} one
 *       each. An execution retried after failing may later count as completed too.</li>
 *   <li>{@code approval.approved}, {@code .rejected}: one decision of its approver, and its
 *       turnaround ({@code decided_at - created_at}); {@code .expired}: one expired, no turnaround.</li>
 * </ul>
 * The day is the UTC day of the moment the event reports (a step's or execution's end, its start
 * for {@code execution.started}, an approval's decision).
 */
public record StatsEvent(String eventId, String workflowId, @Nullable Long workflowVersion, String day,
    StatsScope scope, @Nullable String subject, @Nullable NodeType nodeType, @Nullable String nodeName,
    Tally tally) {

  /** The counts and samples one event adds to one aggregate. */
  public record Tally(long runs, long failures, long retries, long started, long completed, long failed,
      long cancelled, long approved, long rejected, long expired, @Nullable Long durationMillis,
      @Nullable Long waitMillis) {

    static Tally none() {
      return new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    Tally withRun(boolean failure, boolean retry) {
      return new Tally(retry ? 0 : 1, !retry && failure ? 1 : 0, retry ? 1 : 0, started, completed, failed,
          cancelled, approved, rejected, expired, durationMillis, waitMillis);
    }

    Tally withExecution(long started, long completed, long failed, long cancelled) {
      return new Tally(runs, failures, retries, started, completed, failed, cancelled, approved, rejected,
          expired, durationMillis, waitMillis);
    }

    Tally withDecision(long approved, long rejected, long expired) {
      return new Tally(runs, failures, retries, started, completed, failed, cancelled, approved, rejected,
          expired, durationMillis, waitMillis);
    }

    Tally withSamples(@Nullable Long duration, @Nullable Long wait) {
      return new Tally(runs, failures, retries, started, completed, failed, cancelled, approved, rejected,
          expired, duration, wait);
    }
  }

  /**
   * What the event of {@code detailType} with {@code detail} adds; empty for an event the analysis
   * does not count or one that lacks what it needs (logged by the caller, never retried).
   */
  public static Optional<StatsEvent> of(String detailType, JsonNode detail) {
    try {
      return read(detailType, detail);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<StatsEvent> read(String detailType, JsonNode detail) {
    String eventId = text(detail, "event_id");
    String workflowId = text(detail, "workflow_id");
    if (eventId == null || workflowId == null) {
      return Optional.empty();
    }
    Long version = detail.path("workflow_version").canConvertToLong() ? detail.path("workflow_version").asLong() : null;
    return switch (detailType) {
      case "step.completed", "step.failed" -> step(detailType, detail, eventId, workflowId, version);
      case "execution.started" -> execution(detail, eventId, workflowId, version, "started_at",
          Tally.none().withExecution(1, 0, 0, 0), null);
      case "execution.completed" -> execution(detail, eventId, workflowId, version, "completed_at",
          Tally.none().withExecution(0, 1, 0, 0),
          between(text(detail, "started_at"), text(detail, "completed_at")));
      case "execution.failed" -> execution(detail, eventId, workflowId, version, "completed_at",
          Tally.none().withExecution(0, 0, 1, 0), null);
      case "execution.cancelled" -> execution(detail, eventId, workflowId, version, "completed_at",
          Tally.none().withExecution(0, 0, 0, 1), null);
      case "approval.approved", "approval.rejected", "approval.expired" ->
          approval(detailType, detail, eventId, workflowId, version);
      default -> Optional.empty();
    };
  }

  private static Optional<StatsEvent> step(String detailType, JsonNode detail, String eventId, String workflowId,
      @Nullable Long version) {
    String nodeId = text(detail, "node_id");
    String completedAt = text(detail, "completed_at");
    if (nodeId == null || completedAt == null) {
      return Optional.empty();
    }
    boolean failure = detailType.equals("step.failed");
    boolean retry = failure && detail.path("will_retry").asBoolean(false);
    String startedAt = text(detail, "started_at");
    Tally tally = Tally.none().withRun(failure, retry)
        .withSamples(between(startedAt, completedAt), between(text(detail, "created_at"), startedAt));
    NodeType type = Choice.fromApiName(NodeType.class, detail.path("node_type").asText("")).orElse(null);
    return Optional.of(new StatsEvent(eventId, workflowId, version, day(completedAt), StatsScope.STEP, nodeId, type,
        text(detail, "node_name"), tally));
  }

  private static Optional<StatsEvent> execution(JsonNode detail, String eventId, String workflowId,
      @Nullable Long version, String dayField, Tally tally, @Nullable Long timeToComplete) {
    String at = text(detail, dayField);
    at = at != null ? at : text(detail, "occurred_at");
    if (at == null) {
      return Optional.empty();
    }
    return Optional.of(new StatsEvent(eventId, workflowId, version, day(at), StatsScope.WORKFLOW, null, null, null,
        tally.withSamples(timeToComplete, null)));
  }

  private static Optional<StatsEvent> approval(String detailType, JsonNode detail, String eventId, String workflowId,
      @Nullable Long version) {
    String approverId = text(detail, "approver_id");
    String decidedAt = text(detail, "decided_at");
    decidedAt = decidedAt != null ? decidedAt : text(detail, "occurred_at");
    if (approverId == null || decidedAt == null) {
      return Optional.empty();
    }
    Tally tally = switch (detailType) {
      case "approval.approved" -> Tally.none().withDecision(1, 0, 0)
          .withSamples(between(text(detail, "created_at"), decidedAt), null);
      case "approval.rejected" -> Tally.none().withDecision(0, 1, 0)
          .withSamples(between(text(detail, "created_at"), decidedAt), null);
      default -> Tally.none().withDecision(0, 0, 1);
    };
    return Optional.of(new StatsEvent(eventId, workflowId, version, day(decidedAt), StatsScope.APPROVER, approverId,
        null, null, tally));
  }

  /** The milliseconds from {@code from} to {@code to}; null when either is missing. */
  static @Nullable Long between(@Nullable String from, @Nullable String to) {
    if (from == null || to == null) {
      return null;
    }
    return Duration.between(Timestamps.parse(from), Timestamps.parse(to)).toMillis();
  }

  static String day(String timestamp) {
    Instant instant = Timestamps.parse(timestamp);
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static @Nullable String text(JsonNode detail, String field) {
    JsonNode value = detail.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}

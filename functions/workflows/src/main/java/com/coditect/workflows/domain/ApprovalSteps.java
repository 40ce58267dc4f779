package com.coditect.workflows.domain;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.ApprovalItem;
import com.coditect.workflows.data.ApprovalRepository;
import com.coditect.workflows.data.ApprovalStepItem;
import com.coditect.workflows.data.ApprovalStepRepository;
import com.coditect.workflows.data.StepApprover;
import com.coditect.workflows.data.TeamRosterRepository;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.model.ApprovalStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * Approval steps, from the engine's {@code step.started} to the {@code step.resolved} that lets the
 * engine go on (common.md's contract):
 *
 * <ul>
 *   <li>{@link #started}: one WorkflowApproval per approver (the node's {@code user_ids} and the
 *       members of its {@code team_ids}, once each, minus the requester unless
 *       {@code allow_requester}), with ids derived from (step, approver), their
 *       {@code approval.requested} events and the step's {@link ApprovalStepItem}, in one
 *       transaction that a redelivery cannot repeat; then the expiry timer. A step left without
 *       approvers, or whose quorum exceeds them, resolves at once with outcome error.
 *   <li>{@link #decide}: an approver's decision, settled by the {@link Quorum}.
 *   <li>{@link #expire}: the expiry timer fired while the step was still pending: outcome timeout.
 *   <li>{@link #executionEnded}: the execution ended with the step pending: it expires, silently.
 * </ul>
 *
 * <p>Exactly once: every decision writes the step's item conditionally on the version it read, so
 * decisions on one step are serialised and only the one that settles the step can write the
 * {@code step.resolved}; a decision that lost the race reads again and decides again. When the step
 * is settled, the approvals still pending are marked {@code expired} in the same transaction (with
 * their {@code approval.expired} events): nobody's list keeps an approval that can no longer count,
 * and deciding one answers 409. That is why a step has at most {@link #MAX_APPROVERS} approvers: the
 * settling transaction holds two parts per approver within DynamoDB's 100.
 */
@Singleton
public final class ApprovalSteps {

  /** Approvers of one step at most (more resolve the step with outcome error). */
  public static final int MAX_APPROVERS = 40;
  public static final String EXPIRY_PURPOSE = "approval_expiry";
  static final int ATTEMPTS = 5;

  private static final Log LOG = Log.forClass(ApprovalSteps.class);
  private static final Actor SYSTEM = Actor.system("workflows.approvals");
  private static final String RESOURCE = "approval";

  private final ApprovalRepository approvals;
  private final ApprovalStepRepository steps;
  private final TeamRosterRepository rosters;
  private final Transactions transactions;
  private final Outbox outbox;
  private final WorkflowSchedules schedules;
  private final Clock clock;

  @Inject
  ApprovalSteps(ApprovalRepository approvals, ApprovalStepRepository steps, TeamRosterRepository rosters,
      Transactions transactions, Outbox outbox, WorkflowSchedules schedules, Clock clock) {
    this.approvals = approvals;
    this.steps = steps;
    this.rosters = rosters;
    this.transactions = transactions;
    this.outbox = outbox;
    this.schedules = schedules;
    this.clock = clock;
  }

  /**
   * Reacts to the engine's {@code step.started} of an approval node ({@code detail} as on the bus).
   *
   * @return true when it created the step's approvals (or resolved it at once); false for a redelivery
   */
  public boolean started(TenantId tenant, JsonNode detail) {
    String stepId = detail.path("step_id").asText();
    Optional<ApprovalStepItem> existing = steps.find(tenant, stepId);
    if (existing.isPresent()) {
      // A redelivery: the approvals exist; the timer may not, if the first delivery stopped short of it.
      armExpiry(tenant, existing.get());
      return false;
    }
    String now = Timestamps.now(clock);
    JsonNode config = detail.path("config");
    String requestedBy = detail.path("requested_by").textValue();
    boolean allowRequester = config.path("allow_requester").asBoolean(false);
    String problem = null;
    Map<String, String> approverTeams = new LinkedHashMap<>();
    Integer quorum = null;
    Integer rejectionsToReject = null;
    String expiresAt = null;
    try {
      quorum = positive(config, "quorum");
      rejectionsToReject = positive(config, "rejections_to_reject");
      expiresAt = expiry(config, clock.instant());
      for (JsonNode user : config.path("approvers").path("user_ids")) {
        approverTeams.putIfAbsent(user.asText(), null);
      }
      for (JsonNode team : config.path("approvers").path("team_ids")) {
        for (String member : rosters.membersOf(tenant, team.asText())) {
          approverTeams.putIfAbsent(member, team.asText());
        }
      }
    } catch (InvalidConfig e) {
      problem = e.getMessage();
    }
    if (requestedBy != null && !allowRequester) {
      approverTeams.remove(requestedBy);
    }
    Quorum rule = Quorum.of(approverTeams.size(), quorum, rejectionsToReject);
    if (problem == null && approverTeams.isEmpty()) {
      problem = "no approver left: the approval names no user and its teams have no members"
          + (requestedBy != null && !allowRequester ? " besides the requester" : "");
    } else if (problem == null && approverTeams.size() > MAX_APPROVERS) {
      problem = "the approval has " + approverTeams.size() + " approvers; at most " + MAX_APPROVERS + " are allowed";
    } else if (problem == null && !rule.reachable()) {
      problem = "the quorum of " + rule.quorum() + " cannot be met by " + approverTeams.size() + " approvers";
    }

    List<StepApprover> approvers = new ArrayList<>();
    if (problem == null) {
      approverTeams.forEach((user, team) ->
          approvers.add(new StepApprover(ApprovalIds.of(stepId, user), user, team, ApprovalStatus.PENDING, null, null)));
    }
    ApprovalStepItem step = ApprovalStepRepository.indexed(tenant, ApprovalStepItem.builder()
        .meta(ApprovalStepRepository.newMeta(tenant, stepId, now))
        .stepId(stepId)
        .executionId(detail.path("resource_id").asText())
        .workflowId(detail.path("workflow_id").asText())
        .workflowVersion(detail.path("workflow_version").asLong())
        .nodeId(detail.path("node_id").asText())
        .status(problem == null ? ApprovalStatus.PENDING : ApprovalStatus.REJECTED)
        .quorum(rule.quorum())
        .rejectionsToReject(rule.rejectionsToReject())
        .requestedBy(requestedBy)
        .allowRequester(allowRequester)
        .expiresAt(problem == null ? expiresAt : null)
        .approvers(approvers)
        .resolvedAt(problem == null ? null : now)
        .build());

    WriteTransaction tx = transactions.begin();
    steps.create(tx, step, Stale::new);
    if (problem != null) {
      recordResolved(tx, tenant, SYSTEM, step, "error", problem);
    }
    for (StepApprover approver : approvers) {
      ApprovalItem approval = ApprovalRepository.indexed(tenant, ApprovalItem.builder()
          .meta(ApprovalRepository.newMeta(tenant, approver.approvalId(), now))
          .id(approver.approvalId())
          .executionId(step.executionId())
          .workflowId(step.workflowId())
          .workflowVersion(step.workflowVersion())
          .stepId(stepId)
          .nodeId(step.nodeId())
          .approverId(approver.approverId())
          .teamId(approver.teamId())
          .status(ApprovalStatus.PENDING)
          .expiresAt(expiresAt)
          .build());
      approvals.create(tx, approval, Stale::new);
      recordApproval(tx, tenant, SYSTEM, "approval.requested", step, approver, null, null);
    }
    try {
      tx.commit();
    } catch (Stale | ConflictException raced) {
      // Another delivery of the same event got in first: what it made stands.
      return false;
    }
    if (problem != null) {
      LOG.info("approval step resolved at once", "step_id", stepId, "reason", problem);
    }
    armExpiry(tenant, step);
    return true;
  }

  /**
   * The caller's decision on their approval ({@code approved} or {@code rejected}); settles the
   * step when the {@link Quorum} says so. {@code ifMatch}, when sent, must be the approval's version.
   *
   * @return the decided approval
   */
  public ApprovalItem decide(Caller caller, String approvalId, Optional<Long> ifMatch, ApprovalStatus decision,
      @Nullable String comment) {
    TenantId tenant = caller.tenantId();
    for (int attempt = 1; ; attempt++) {
      ApprovalItem approval = approvals.find(tenant, approvalId)
          .orElseThrow(() -> new NotFoundException("The approval was not found."));
      if (!caller.userId().equals(approval.approverId())) {
        throw new ForbiddenException("Only the approver may decide this approval.");
      }
      Preconditions.checkIfMatch(ifMatch, approval.version());
      if (approval.status() != ApprovalStatus.PENDING) {
        throw new ConflictException("The approval is " + approval.status().apiName() + ", not pending.");
      }
      ApprovalStepItem step = steps.find(tenant, approval.stepId())
          .orElseThrow(() -> new ConflictException("The approval's step is gone."));
      if (step.status() != ApprovalStatus.PENDING) {
        throw new ConflictException("The approval step is already " + step.status().apiName() + ".");
      }
      if (!step.allowRequester() && caller.userId().equals(step.requestedBy())) {
        throw new ForbiddenException("The requester may not decide an approval of their own execution.");
      }
      String now = Timestamps.now(clock);
      ApprovalItem decided = ApprovalRepository.indexed(tenant,
          approval.withStatus(decision).withComment(comment).withApprovedAt(now).nextVersion(now));
      List<StepApprover> approvers = new ArrayList<>();
      StepApprover mine = null;
      for (StepApprover approver : step.approvers()) {
        if (approver.approvalId().equals(approvalId)) {
          mine = approver.decided(decision, comment, now);
          approvers.add(mine);
        } else {
          approvers.add(approver);
        }
      }
      if (mine == null) {
        throw new ConflictException("The approval is not one of its step's.");
      }
      ApprovalStepItem counted = step.withApprovers(approvers);
      ApprovalStatus outcome = quorum(counted).decide(count(counted, ApprovalStatus.APPROVED),
          count(counted, ApprovalStatus.REJECTED));

      WriteTransaction tx = transactions.begin();
      approvals.replace(tx, decided, approval.version(), Stale::new);
      recordApproval(tx, tenant, caller.actor(), "approval." + decision.apiName(), step, mine,
          ApprovalStatus.PENDING, comment);
      if (outcome == ApprovalStatus.PENDING) {
        steps.replace(tx, counted.nextVersion(now), step.version(), Stale::new);
      } else {
        settle(tx, tenant, caller.actor(), counted, step.version(), outcome, now, true);
      }
      try {
        tx.commit();
        return decided;
      } catch (Stale | ConflictException raced) {
        // Another decision on the step (or this approval) committed first: read again, decide again.
        if (attempt == ATTEMPTS) {
          throw new ConflictException("The approval step changed concurrently; try again.");
        }
      }
    }
  }

  /**
   * The step's expiry timer fired ({@code timer.fired}, purpose {@value #EXPIRY_PURPOSE}): a step
   * still pending expires, with its pending approvals, and resolves with outcome timeout.
   *
   * @return true when it expired the step; false when it was settled already (or is unknown)
   */
  public boolean expire(TenantId tenant, String executionId, String stepId) {
    return close(tenant, executionId, stepId, true);
  }

  /**
   * The execution ended (completed, failed or cancelled) with approval steps still pending, e.g. a
   * cancel while waiting for approvers: those steps and their approvals expire, so no inbox keeps
   * them, without a {@code step.resolved} (nothing waits for it any more).
   *
   * @return how many steps it closed
   */
  public int executionEnded(TenantId tenant, String executionId) {
    int closed = 0;
    for (ApprovalStepItem pending : steps.pendingOfExecution(tenant, executionId)) {
      if (close(tenant, executionId, pending.stepId(), false)) {
        closed++;
      }
    }
    return closed;
  }

  /** Expires a pending step and its pending approvals; {@code tellEngine}: with step.resolved timeout. */
  private boolean close(TenantId tenant, String executionId, String stepId, boolean tellEngine) {
    for (int attempt = 1; ; attempt++) {
      Optional<ApprovalStepItem> found = steps.find(tenant, stepId);
      if (found.isEmpty() || !found.get().executionId().equals(executionId)
          || found.get().status() != ApprovalStatus.PENDING) {
        return false;
      }
      ApprovalStepItem step = found.get();
      WriteTransaction tx = transactions.begin();
      settle(tx, tenant, SYSTEM, step, step.version(), ApprovalStatus.EXPIRED, Timestamps.now(clock), tellEngine);
      try {
        tx.commit();
        return true;
      } catch (Stale | ConflictException raced) {
        // A decision got in first; it may have settled the step, which the next read shows.
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /** The name of a step's expiry timer (common.md: {@code t-<step id>-<purpose>}). */
  public static String expiryTimerName(String stepId) {
    return "t-" + stepId + "-" + EXPIRY_PURPOSE;
  }

  /**
   * Adds the settling of {@code step} (read at {@code readVersion}, its approvers as counted) as
   * {@code outcome}: every approval still pending becomes expired, the step takes the outcome, and
   * {@code step.resolved} tells the engine (unless {@code tellEngine} is false: its execution ended).
   */
  private void settle(WriteTransaction tx, TenantId tenant, Actor actor, ApprovalStepItem step, long readVersion,
      ApprovalStatus outcome, String now, boolean tellEngine) {
    List<StepApprover> settled = new ArrayList<>();
    for (StepApprover approver : step.approvers()) {
      if (approver.status() == ApprovalStatus.PENDING) {
        StepApprover expired = approver.decided(ApprovalStatus.EXPIRED, null, now);
        approvals.closePending(tx, tenant, approver.approvalId(), ApprovalStatus.EXPIRED, now, Stale::new);
        recordApproval(tx, tenant, actor, "approval.expired", step, expired, ApprovalStatus.PENDING, null);
        settled.add(expired);
      } else {
        settled.add(approver);
      }
    }
    ApprovalStepItem resolved = ApprovalStepRepository.indexed(tenant,
        step.withApprovers(settled).withStatus(outcome).withResolvedAt(now).nextVersion(now));
    steps.replace(tx, resolved, readVersion, Stale::new);
    if (!tellEngine) {
      return;
    }
    int approved = count(step, ApprovalStatus.APPROVED);
    int rejected = count(step, ApprovalStatus.REJECTED);
    switch (outcome) {
      case APPROVED -> recordResolved(tx, tenant, actor, resolved, "success", null);
      case REJECTED -> recordResolved(tx, tenant, actor, resolved, "error", rejected >= step.rejectionsToReject()
          ? "rejected by " + rejected + " of " + step.approvers().size() + " approvers"
          : "the quorum of " + step.quorum() + " can no longer be met (" + approved + " approved, " + rejected
              + " rejected of " + step.approvers().size() + ")");
      default -> recordResolved(tx, tenant, actor, resolved, "timeout", "the approval expired at " + step.expiresAt()
          + " with " + approved + " of " + step.quorum() + " approvals");
    }
  }

  /** Makes the step's expiry timer, if it has an expiry and is pending; making it twice is a no-op. */
  private void armExpiry(TenantId tenant, ApprovalStepItem step) {
    if (step.expiresAt() == null || step.status() != ApprovalStatus.PENDING) {
      return;
    }
    ObjectNode detail = JsonNodeFactory.instance.objectNode();
    detail.put("tenant_id", tenant.value());
    detail.put("execution_id", step.executionId());
    detail.put("step_id", step.stepId());
    detail.put("purpose", EXPIRY_PURPOSE);
    detail.put("due_at", step.expiresAt());
    schedules.oneTime(expiryTimerName(step.stepId()), Timestamps.parse(step.expiresAt()), "timer.fired", detail);
  }

  private void recordApproval(WriteTransaction tx, TenantId tenant, Actor actor, String action, ApprovalStepItem step,
      StepApprover approver, @Nullable ApprovalStatus from, @Nullable String comment) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("status", new FieldChange(from == null ? null : from.apiName(), approver.status().apiName()));
    if (comment != null) {
      changes.put("comment", new FieldChange(null, comment));
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("workflow_id", step.workflowId());
    extra.put("workflow_version", step.workflowVersion());
    extra.put("execution_id", step.executionId());
    extra.put("step_id", step.stepId());
    extra.put("node_id", step.nodeId());
    extra.put("approver_id", approver.approverId());
    extra.put("created_at", step.createdAt());
    extra.put("decided_at", approver.decidedAt());
    outbox.recordWithDetail(tx, tenant, actor, action, RESOURCE, approver.approvalId(), changes, extra);
  }

  private void recordResolved(WriteTransaction tx, TenantId tenant, Actor actor, ApprovalStepItem step, String outcome,
      @Nullable String errorMessage) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.put("approved", count(step, ApprovalStatus.APPROVED));
    output.put("rejected", count(step, ApprovalStatus.REJECTED));
    ArrayNode decisions = output.putArray("decisions");
    for (StepApprover approver : step.approvers()) {
      if (approver.status() == ApprovalStatus.APPROVED || approver.status() == ApprovalStatus.REJECTED) {
        decisions.addObject().put("approver_id", approver.approverId()).put("status", approver.status().apiName())
            .put("comment", approver.comment());
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("workflow_id", step.workflowId());
    extra.put("step_id", step.stepId());
    extra.put("node_id", step.nodeId());
    extra.put("node_type", "approval");
    extra.put("outcome", outcome);
    extra.put("output", output);
    extra.put("error_message", errorMessage);
    outbox.recordWithDetail(tx, tenant, actor, "step.resolved", "execution", step.executionId(), Map.of(), extra);
  }

  private static Quorum quorum(ApprovalStepItem step) {
    return new Quorum(step.approvers().size(), step.quorum(), step.rejectionsToReject());
  }

  private static int count(ApprovalStepItem step, ApprovalStatus status) {
    return (int) step.approvers().stream().filter(approver -> approver.status() == status).count();
  }

  private static @Nullable Integer positive(JsonNode config, String name) {
    JsonNode value = config.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
      throw new InvalidConfig(name + " must be a whole number of at least 1");
    }
    return value.intValue();
  }

  private static @Nullable String expiry(JsonNode config, Instant now) {
    JsonNode value = config.path("expires_in");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      Duration duration = Duration.parse(value.asText());
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidConfig("expires_in must be a positive ISO-8601 duration");
      }
      return Timestamps.format(now.plus(duration));
    } catch (DateTimeParseException e) {
      throw new InvalidConfig("expires_in must be an ISO-8601 duration such as PT48H");
    }
  }

  /** The node's config cannot be used (the validator should have refused it). */
  private static final class InvalidConfig extends RuntimeException {
    InvalidConfig(String message) {
      super(message, null, false, false);
    }
  }

  /** A condition of the transaction failed: something changed since the read. */
  private static final class Stale extends RuntimeException {
    Stale() {
      super("changed concurrently", null, false, false);
    }
  }
}

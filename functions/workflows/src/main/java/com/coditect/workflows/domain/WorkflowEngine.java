package com.coditect.workflows.domain;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.ExecutionRepository.ExecutionWithSteps;
import com.coditect.workflows.data.ExecutionRepository;
import com.coditect.workflows.data.StepItem;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.data.WorkflowVersionRepository;
import com.coditect.workflows.domain.Transitions.Complete;
import com.coditect.workflows.domain.Transitions.Continue;
import com.coditect.workflows.domain.Transitions.Decision;
import com.coditect.workflows.domain.Transitions.Fail;
import com.coditect.workflows.domain.WorkflowDefinition.Node;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.NodeType;
import com.coditect.workflows.model.StepStatus;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dagger.Lazy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The workflow engine: applies one event to one execution as ONE transaction. A step's change is
 * conditional on the step's version (so on the status it was read in) and the execution's on its
 * version, so a duplicate or late event finds the step no longer as it expects and changes nothing,
 * and two branches finishing at once cannot both advance from the same state (the loser reads again
 * and decides anew). Each transition records its events in the same transaction: a started step's
 * {@code step.started} comes back through the template's rule and runs that step, so one event
 * advances one step. What follows a finished node is {@link Transitions}' decision.
 */
@Singleton
public final class WorkflowEngine {

  /** The largest context, trigger data or step output the engine keeps (events stay far below 256 KB). */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  private static final Log LOG = Log.forClass(WorkflowEngine.class);
  private static final Actor ENGINE = Actor.system("workflow-engine");
  private static final String RESOURCE = "execution";
  private static final int ATTEMPTS = 5;
  /** Above this, step.started carries no expression input (the event must stay below 256 KB). */
  private static final int MAX_EVENT_CONTEXT_BYTES = 128 * 1024;

  private final ExecutionRepository executions;
  private final WorkflowRepository workflows;
  private final WorkflowVersionRepository versions;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  // Lazy, as is the outbound HTTP client: built by the first step that makes a timer or calls out,
  // not by every cold start of the events function.
  private final Lazy<WorkflowSchedules> schedules;
  private final Transitions transitions;
  private final Lazy<HttpActions> http;
  /** Frozen versions never change: their definitions are kept for the life of the instance. */
  private final Map<String, WorkflowDefinition> definitions = new ConcurrentHashMap<>();

  @Inject
  public WorkflowEngine(ExecutionRepository executions, WorkflowRepository workflows,
      WorkflowVersionRepository versions, Transactions transactions,
      Outbox outbox, Clock clock, Lazy<WorkflowSchedules> schedules, Transitions transitions, Lazy<HttpActions> http) {
    this.executions = executions;
    this.workflows = workflows;
    this.versions = versions;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.schedules = schedules;
    this.transitions = transitions;
    this.http = http;
  }

  // ------------------------------------------------------------------ starting

  /**
   * Starts an execution of {@code workflow} (read active) with id {@code executionId}: the
   * execution, its start step and their events, conditional on the workflow still being active
   * ({@code onNotActive}) and the id being new ({@code onExists}).
   */
  public ExecutionItem start(TenantId tenant, Actor actor, WorkflowItem workflow, String executionId,
      TriggerType triggerType, @Nullable String triggeredBy, JsonNode context, @Nullable JsonNode trigger,
      Supplier<? extends RuntimeException> onNotActive, Supplier<? extends RuntimeException> onExists,
      java.util.function.BiConsumer<ExecutionItem, WriteTransaction> extra) {
    WorkflowDefinition definition = WorkflowDefinition.read(ExecutionRun.json(workflow.definition()));
    String now = Timestamps.now(clock);
    Continue begin = transitions.begin(definition);
    ExecutionItem execution = ExecutionRepository.indexed(tenant, ExecutionItem.builder()
        .meta(ExecutionRepository.newMeta(tenant, executionId, now))
        .id(executionId)
        .workflowId(workflow.id())
        .workflowVersion(workflow.workflowVersion())
        .triggeredBy(triggeredBy)
        .triggerType(triggerType)
        .status(ExecutionStatus.RUNNING)
        .currentStep(definition.start().id())
        .startedAt(now)
        .contextData(JsonText.write(context))
        .triggerData(trigger == null || trigger.isNull() ? null : JsonText.write(trigger))
        .stepCount((long) begin.state().stepCount())
        .build());
    ExecutionRun run = new ExecutionRun(execution, List.of(), definition);
    StepItem first = newStep(tenant, execution, definition.start(), StepStatus.RUNNING, now);
    WriteTransaction tx = transactions.begin();
    executions.requireWorkflowActive(tx, tenant, workflow.id(), onNotActive);
    executions.create(tx, execution, onExists);
    executions.createStep(tx, first);
    recordExecution(tx, tenant, actor, "execution.started", execution, null);
    recordStepStarted(tx, tenant, actor, run, first, definition.start());
    extra.accept(execution, tx);
    tx.commit();
    return execution;
  }

  /**
   * A trigger's {@code execution.requested}: the execution with the requested id, unless it exists
   * (a duplicate event) or the workflow is no longer active (then nothing starts; the trigger
   * checked it when it accepted the request).
   */
  public void executionRequested(TenantId tenant, String executionId, String workflowId, TriggerType triggerType,
      JsonNode context, JsonNode trigger) {
    if (executions.find(tenant, executionId).isPresent()) {
      LOG.info("execution exists already", "execution_id", executionId);
      return;
    }
    Optional<WorkflowItem> workflow = workflows.findLive(tenant, workflowId)
        .filter(found -> found.status() == com.coditect.workflows.model.WorkflowStatus.ACTIVE);
    if (workflow.isEmpty()) {
      LOG.info("requested execution of a workflow that is not active", "workflow_id", workflowId);
      return;
    }
    if (size(context) > MAX_JSON_BYTES || size(trigger) > MAX_JSON_BYTES) {
      LOG.warn("requested execution refused: its context or trigger data is over 64 KB", "workflow_id", workflowId);
      return;
    }
    try {
      start(tenant, ENGINE, workflow.get(), executionId, triggerType, null, context, trigger, NotApplied::new,
          NotApplied::new, (execution, tx) -> { });
    } catch (NotApplied | ConflictException raced) {
      LOG.info("requested execution not started (raced with a change)", "execution_id", executionId);
    }
  }

  // ------------------------------------------------------------------ reactions

  /** A step started: run its node's work (or, for an approval, leave it to the approvals). */
  public void stepStarted(TenantId tenant, String executionId, String stepId) {
    applying(tenant, executionId, stepId, StepStatus.RUNNING, (run, step) -> {
      if (run.execution().status() == ExecutionStatus.PAUSED) {
        // Resuming starts it again.
        WriteTransaction tx = transactions.begin();
        executions.replaceStep(tx, step.withStatus(StepStatus.PENDING).nextVersion(Timestamps.now(clock)),
            step.version(), NotApplied::new);
        tx.commit();
        return;
      }
      Node node = node(run, step);
      switch (node.type()) {
        case START, CONDITION, PARALLEL, JOIN, END -> finish(tenant, run, step, EdgeOutcome.SUCCESS,
            JsonNodeFactory.instance.objectNode(), null, tx -> { });
        case NOTIFICATION -> notify(tenant, run, step, node);
        case WAIT -> startWait(tenant, run, step, node);
        case ACTION -> dispatch(tenant, run, step, node);
        case APPROVAL -> LOG.info("approval step started; the approvals part decides it", "step_id", stepId);
      }
    });
  }

  /**
   * Whatever finishes a waiting step (approvals, an action's consumer) resolved it with an outcome;
   * an action's consumer names the request it answers ({@code requestId}), so an answer to an
   * earlier attempt changes nothing.
   */
  public void stepResolved(TenantId tenant, String executionId, String stepId, EdgeOutcome outcome, JsonNode output,
      @Nullable String error, @Nullable String requestId) {
    applying(tenant, executionId, stepId, StepStatus.RUNNING, (run, step) -> {
      Node node = node(run, step);
      if (node.type() == NodeType.ACTION && (step.dispatchedAttempt() == null || step.dispatchedAttempt() != attempt(step)
          || (requestId != null && !requestId.equals(step.requestId())))) {
        // An answer to an earlier attempt (the step waits on its backoff timer, or runs a later attempt).
        LOG.info("answer to another attempt of the action: ignored", "step_id", stepId);
        return;
      }
      if (node.type() == NodeType.ACTION && outcome == EdgeOutcome.ERROR && retryLeft(node, step)) {
        retryLater(tenant, run, step, node, error);
        return;
      }
      JsonNode mapped = output;
      if (outcome == EdgeOutcome.SUCCESS && node.type() == NodeType.ACTION && node.config().path("output").isTextual()) {
        try {
          ObjectNode input = run.expressionInput();
          input.set("output", output);
          mapped = Expressions.evaluate(node.config().path("output").asText(), input);
        } catch (Expressions.ExpressionException e) {
          finish(tenant, run, step, EdgeOutcome.ERROR, output, "Output mapping: " + e.getMessage(), tx -> { });
          return;
        }
      }
      finish(tenant, run, step, outcome, mapped, error, tx -> { });
    });
  }

  /** A timer of a step fired: a wait ends, a retry runs, an action times out. */
  public void timerFired(TenantId tenant, String executionId, String stepId, String purpose) {
    switch (purpose) {
      case "wait" -> applying(tenant, executionId, stepId, StepStatus.RUNNING, (run, step) -> {
        if (node(run, step).type() == NodeType.WAIT) {
          ObjectNode output = JsonNodeFactory.instance.objectNode().put("waited_until", Timestamps.now(clock));
          finish(tenant, run, step, EdgeOutcome.SUCCESS, output, null, tx -> { });
        }
      });
      case "retry" -> applying(tenant, executionId, stepId, StepStatus.RUNNING, (run, step) -> {
        if (run.execution().status() == ExecutionStatus.RUNNING) {
          dispatch(tenant, run, step, node(run, step));
        }
      });
      case "action_timeout" -> applying(tenant, executionId, stepId, StepStatus.RUNNING, (run, step) -> {
        Node node = node(run, step);
        if (node.type() == NodeType.ACTION) {
          finish(tenant, run, step, EdgeOutcome.TIMEOUT, NullNode.instance,
              "The action did not finish within " + node.config().path("timeout").asText() + ".", tx -> { });
        }
      });
      // approval_expiry belongs to the approvals part (ApprovalSteps.expire), wired at the merge.
      default -> LOG.info("timer not for the engine", "purpose", purpose, "step_id", stepId);
    }
  }

  // ------------------------------------------------------------------ controls

  /** Cancels an execution read as {@code read}: open steps are skipped. */
  public ExecutionItem cancel(TenantId tenant, Actor actor, ExecutionRun run, Supplier<? extends RuntimeException> onStale) {
    ExecutionItem read = run.execution();
    String now = Timestamps.now(clock);
    ExecutionItem cancelled = ExecutionRepository.indexed(tenant,
        read.withStatus(ExecutionStatus.CANCELLED).withCompletedAt(now).nextVersion(now));
    WriteTransaction tx = transactions.begin();
    executions.replace(tx, cancelled, read.version(), onStale);
    for (StepItem step : run.steps()) {
      if (ExecutionRepository.isOpen(step)) {
        StepItem skipped = step.withStatus(StepStatus.SKIPPED).withCompletedAt(now).nextVersion(now);
        executions.replaceStep(tx, skipped, step.version(), onStale);
        recordStepFinished(tx, tenant, actor, "step.skipped", cancelled, skipped, node(run, step), null, false);
      }
    }
    recordExecution(tx, tenant, actor, "execution.cancelled", cancelled, read.status());
    tx.commit();
    return cancelled;
  }

  /** Pauses a running execution: steps that finish meanwhile start their successors only on resume. */
  public ExecutionItem pause(TenantId tenant, Actor actor, ExecutionRun run, Supplier<? extends RuntimeException> onStale) {
    ExecutionItem read = run.execution();
    String now = Timestamps.now(clock);
    ExecutionItem paused = ExecutionRepository.indexed(tenant, read.withStatus(ExecutionStatus.PAUSED).nextVersion(now));
    WriteTransaction tx = transactions.begin();
    executions.replace(tx, paused, read.version(), onStale);
    recordExecution(tx, tenant, actor, "execution.paused", paused, read.status());
    tx.commit();
    return paused;
  }

  /** Resumes a paused execution: every step held while it was paused starts. */
  public ExecutionItem resume(TenantId tenant, Actor actor, ExecutionRun run, Supplier<? extends RuntimeException> onStale) {
    ExecutionItem read = run.execution();
    String now = Timestamps.now(clock);
    ExecutionItem resumed = ExecutionRepository.indexed(tenant, read.withStatus(ExecutionStatus.RUNNING).nextVersion(now));
    ExecutionRun after = new ExecutionRun(resumed, run.steps(), run.definition());
    WriteTransaction tx = transactions.begin();
    executions.replace(tx, resumed, read.version(), onStale);
    recordExecution(tx, tenant, actor, "execution.resumed", resumed, read.status());
    for (StepItem step : run.steps()) {
      if (step.status() == StepStatus.PENDING) {
        StepItem started = step.withStatus(StepStatus.RUNNING).withStartedAt(now).nextVersion(now);
        executions.replaceStep(tx, started, step.version(), onStale);
        recordStepStarted(tx, tenant, actor, after, started, node(run, step));
      }
    }
    tx.commit();
    return resumed;
  }

  /**
   * Re-runs a failed execution from its failed step, with the same context (as Step Functions'
   * redrive): a new step of the same node, the execution running again.
   *
   * @return empty when the execution has no failed step to run again
   */
  public Optional<ExecutionItem> retry(TenantId tenant, Actor actor, ExecutionRun run,
      Supplier<? extends RuntimeException> onStale) {
    ExecutionItem read = run.execution();
    Optional<StepItem> failed = run.steps().stream().filter(step -> step.status() == StepStatus.FAILED)
        .reduce((first, second) -> second);
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    Node node = node(run, failed.get());
    String now = Timestamps.now(clock);
    long count = read.stepCount() == null ? 0 : read.stepCount();
    ExecutionItem retried = ExecutionRepository.indexed(tenant, read.withStatus(ExecutionStatus.RUNNING)
        .withCompletedAt(null).withErrorMessage(null).withCurrentStep(node.id()).withStepCount(count + 1).nextVersion(now));
    StepItem again = newStep(tenant, retried, node, StepStatus.RUNNING, now);
    WriteTransaction tx = transactions.begin();
    executions.replace(tx, retried, read.version(), onStale);
    executions.createStep(tx, again);
    recordExecution(tx, tenant, actor, "execution.retried", retried, read.status());
    recordStepStarted(tx, tenant, actor, new ExecutionRun(retried, run.steps(), run.definition()), again, node);
    tx.commit();
    return Optional.of(retried);
  }

  /** The execution with its steps and its pinned definition: one Query (and a GetItem per version, once). */
  public Optional<ExecutionRun> read(TenantId tenant, String executionId) {
    return executions.findWithSteps(tenant, executionId).map(found -> runOf(tenant, found, true));
  }

  /** As {@link #read}, the definition read every time: a route's calls stay the same on every instance. */
  public Optional<ExecutionRun> readForControl(TenantId tenant, String executionId) {
    return executions.findWithSteps(tenant, executionId).map(found -> runOf(tenant, found, false));
  }

  // ------------------------------------------------------------------ node work

  private void notify(TenantId tenant, ExecutionRun run, StepItem step, Node node) {
    ObjectNode input = run.expressionInput();
    String message;
    ArrayNode userIds = JsonNodeFactory.instance.arrayNode();
    try {
      JsonNode text = Expressions.resolveParams(node.config().path("message"), input);
      message = text.isTextual() ? text.asText() : JsonText.write(text);
      JsonNode users = Expressions.resolveParams(node.config().path("user_ids"), input);
      if (users.isArray()) {
        users.forEach(user -> userIds.add(user.asText()));
      } else if (run.execution().triggeredBy() != null) {
        userIds.add(run.execution().triggeredBy());
      }
    } catch (Expressions.ExpressionException e) {
      finish(tenant, run, step, EdgeOutcome.ERROR, NullNode.instance, e.getMessage(), tx -> { });
      return;
    }
    ObjectNode output = JsonNodeFactory.instance.objectNode().put("message", message);
    output.set("user_ids", userIds);
    finish(tenant, run, step, EdgeOutcome.SUCCESS, output, null, tx -> {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("channel", "in_app");
      extra.put("user_ids", userIds);
      extra.put("message", message);
      extra.put("step_id", step.id());
      outbox.recordWithDetail(tx, tenant, ENGINE, "notification.requested", RESOURCE, run.execution().id(), Map.of(),
          extra);
    });
  }

  private void startWait(TenantId tenant, ExecutionRun run, StepItem step, Node node) {
    if (step.dispatchedAttempt() != null) {
      return;
    }
    Instant due;
    try {
      JsonNode until = node.config().path("until");
      due = until.isTextual() ? Instant.parse(until.asText())
          : clock.instant().plus(Duration.parse(node.config().path("duration").asText()));
    } catch (DateTimeParseException e) {
      finish(tenant, run, step, EdgeOutcome.ERROR, NullNode.instance, "The wait's duration or until is not valid.",
          tx -> { });
      return;
    }
    schedules.get().oneTime(timerName(step.id(), "wait"), due, "timer.fired", timer(tenant, run, step, "wait", due));
    WriteTransaction tx = transactions.begin();
    executions.replaceStep(tx, step.withDispatchedAttempt(attempt(step)).nextVersion(Timestamps.now(clock)),
        step.version(), NotApplied::new);
    tx.commit();
  }

  /** Runs an action's current attempt: a request for a consumer, or the engine's own HTTP call. */
  private void dispatch(TenantId tenant, ExecutionRun run, StepItem step, Node node) {
    int attempt = attempt(step);
    if (step.dispatchedAttempt() != null && step.dispatchedAttempt() == attempt) {
      return;
    }
    String action = node.config().path("action").asText();
    JsonNode params;
    try {
      params = Expressions.resolveParams(node.config().path("params"), run.expressionInput());
    } catch (Expressions.ExpressionException e) {
      finish(tenant, run, step, EdgeOutcome.ERROR, NullNode.instance, "Parameters: " + e.getMessage(), tx -> { });
      return;
    }
    if (step.dispatchedAttempt() == null && node.config().path("timeout").isTextual()) {
      // One timer for the step, over all its attempts.
      Instant due = clock.instant().plus(Duration.parse(node.config().path("timeout").asText()));
      schedules.get().oneTime(timerName(step.id(), "action_timeout"), due, "timer.fired",
          timer(tenant, run, step, "action_timeout", due));
    }
    StepItem dispatched = step.withDispatchedAttempt(attempt).withInputData(JsonText.write(params))
        .nextVersion(Timestamps.now(clock));
    switch (action) {
      case "http.post" -> {
        HttpActions.Result result = http.get().post(params);
        if (result.ok()) {
          finishDispatched(tenant, run, step, dispatched, EdgeOutcome.SUCCESS, result.output(), null);
        } else if (retryLeft(node, dispatched)) {
          retryLater(tenant, run, step, dispatched, node, result.error());
        } else {
          finishDispatched(tenant, run, step, dispatched, EdgeOutcome.ERROR, result.output(), result.error());
        }
      }
      case "pm.create_task", "dms.set_document_status" -> {
        String request = Ids.newId();
        WriteTransaction tx = transactions.begin();
        executions.replaceStep(tx, dispatched.withRequestId(request), step.version(), NotApplied::new);
        Map<String, Object> extra = new LinkedHashMap<>();
        // Not "action": that is the envelope's own field (the detail-type), which the audit log records.
        extra.put("requested_action", action);
        extra.put("params", params);
        extra.put("step_id", step.id());
        extra.put("request_id", request);
        // Beyond the contract's fields: whom the consumer acts for (the task's reporter), null for a trigger.
        extra.put("requested_by", run.execution().triggeredBy());
        outbox.recordWithDetail(tx, tenant, ENGINE, "action.requested", RESOURCE, run.execution().id(), Map.of(), extra);
        tx.commit();
      }
      default -> finish(tenant, run, step, EdgeOutcome.ERROR, NullNode.instance, "Unknown action " + action + ".",
          tx -> { });
    }
  }

  private boolean retryLeft(Node node, StepItem step) {
    int max = node.config().path("retry").path("max_attempts").asInt(1);
    return attempt(step) < max;
  }

  private void retryLater(TenantId tenant, ExecutionRun run, StepItem step, Node node, @Nullable String error) {
    retryLater(tenant, run, step, step, node, error);
  }

  /** The attempt failed and another is left: the step waits on a backoff timer, then runs again. */
  private void retryLater(TenantId tenant, ExecutionRun run, StepItem read, StepItem step, Node node,
      @Nullable String error) {
    int attempt = attempt(step);
    JsonNode retry = node.config().path("retry");
    Duration backoff = retry.path("backoff").isTextual() ? Duration.parse(retry.path("backoff").asText()) : Duration.ofSeconds(1);
    double rate = retry.path("backoff_rate").asDouble(2.0);
    long delayMillis = (long) (backoff.toMillis() * Math.pow(rate, attempt - 1));
    Instant due = clock.instant().plusMillis(delayMillis);
    schedules.get().oneTime(timerName(step.id(), "retry-" + (attempt + 1)), due, "timer.fired",
        timer(tenant, run, step, "retry", due));
    String now = Timestamps.now(clock);
    // step may already be the dispatched copy of read: the write is read's next version either way.
    StepItem waiting = step.withAttempt(attempt + 1).withErrorMessage(error)
        .withMeta(step.meta().withVersion(read.version() + 1).withUpdatedAt(now));
    WriteTransaction tx = transactions.begin();
    executions.replaceStep(tx, waiting, read.version(), NotApplied::new);
    recordStepFinished(tx, tenant, ENGINE, "step.failed", run.execution(), step.withCompletedAt(now), node,
        EdgeOutcome.ERROR, true);
    tx.commit();
  }

  private void finishDispatched(TenantId tenant, ExecutionRun run, StepItem read, StepItem dispatched,
      EdgeOutcome outcome, JsonNode output, @Nullable String error) {
    finish(tenant, run, read, dispatched.withMeta(dispatched.meta().withVersion(read.version())), outcome, output, error,
        tx -> { });
  }

  // ------------------------------------------------------------------ the transition

  private void finish(TenantId tenant, ExecutionRun run, StepItem step, EdgeOutcome outcome, JsonNode output,
      @Nullable String error, java.util.function.Consumer<WriteTransaction> extra) {
    finish(tenant, run, step, step, outcome, output, error, extra);
  }

  /**
   * {@code read} (as read; {@code step} its current shape, same version) finished with
   * {@code outcome}: one transaction of the step, the steps that follow, the execution and the events.
   */
  private void finish(TenantId tenant, ExecutionRun run, StepItem read, StepItem step, EdgeOutcome outcome,
      JsonNode output, @Nullable String error, java.util.function.Consumer<WriteTransaction> extra) {
    ExecutionItem execution = run.execution();
    if (execution.status().isFinal()) {
      LOG.info("step finished after its execution ended: ignored", "step_id", step.id());
      return;
    }
    String now = Timestamps.now(clock);
    if (size(output) > MAX_JSON_BYTES) {
      outcome = EdgeOutcome.ERROR;
      error = "The step's output is over 64 KB.";
      output = NullNode.instance;
    }
    StepItem finished = step.withOutputData(JsonText.write(output)).withCompletedAt(now)
        .withStatus(outcome == EdgeOutcome.SUCCESS ? StepStatus.COMPLETED : StepStatus.FAILED)
        .withErrorMessage(outcome == EdgeOutcome.SUCCESS ? null : error).nextVersion(now);
    List<StepItem> stepsNow = new ArrayList<>();
    for (StepItem each : run.steps()) {
      stepsNow.add(each.id().equals(finished.id()) ? finished : each);
    }
    ExecutionRun after = new ExecutionRun(execution, stepsNow, run.definition());
    ObjectNode input = after.expressionInput();
    List<String> otherOpen = stepsNow.stream().filter(ExecutionRepository::isOpen).map(StepItem::stepId).toList();
    Decision decision = transitions.after(run.definition(), ExecutionEvents.state(execution), step.stepId(), outcome,
        error, condition -> Expressions.test(condition, input), otherOpen);

    boolean paused = execution.status() == ExecutionStatus.PAUSED;
    ExecutionItem next = ExecutionEvents.withState(execution, decision.state()).nextVersion(now);
    List<StepItem> started = new ArrayList<>();
    String finishedAction = outcome == EdgeOutcome.SUCCESS ? "step.completed" : "step.failed";
    if (decision instanceof Continue go) {
      for (String nodeId : go.start()) {
        Node node = run.definition().node(nodeId).orElseThrow();
        started.add(newStep(tenant, execution, node, paused ? StepStatus.PENDING : StepStatus.RUNNING, now));
      }
      if (!go.start().isEmpty()) {
        next = next.withCurrentStep(go.start().get(go.start().size() - 1));
      }
    } else if (decision instanceof Complete) {
      next = next.withStatus(ExecutionStatus.COMPLETED).withCompletedAt(now);
    } else if (decision instanceof Fail failed) {
      next = next.withStatus(ExecutionStatus.FAILED).withCompletedAt(now).withErrorMessage(failed.message());
      if (finished.status() == StepStatus.COMPLETED) {
        // The step did its work but the execution cannot go on from it: it is the step a retry re-runs.
        finished = finished.withStatus(StepStatus.FAILED).withErrorMessage(failed.message());
        finishedAction = "step.failed";
      }
    }
    next = ExecutionRepository.indexed(tenant, next);
    ExecutionRun advanced = new ExecutionRun(next, stepsNow, run.definition());

    WriteTransaction tx = transactions.begin();
    executions.replaceStep(tx, finished, read.version(), NotApplied::new);
    executions.replace(tx, next, execution.version(), NotApplied::new);
    recordStepFinished(tx, tenant, ENGINE, finishedAction, next, finished, node(run, step), outcome, false);
    for (StepItem each : started) {
      executions.createStep(tx, each);
      if (each.status() == StepStatus.RUNNING) {
        recordStepStarted(tx, tenant, ENGINE, advanced, each, run.definition().node(each.stepId()).orElseThrow());
      }
    }
    if (next.status() != execution.status()) {
      recordExecution(tx, tenant, ENGINE, next.status() == ExecutionStatus.COMPLETED ? "execution.completed"
          : "execution.failed", next, execution.status());
    }
    extra.accept(tx);
    tx.commit();
  }

  // ------------------------------------------------------------------ reading and retrying

  private interface StepWork {
    void apply(ExecutionRun run, StepItem step);
  }

  /**
   * Reads the execution and runs {@code work} on the step if it is in {@code expected} status and
   * the execution is not over; a transition that lost a race with another (a parallel branch) is
   * decided again from what is stored now.
   */
  private void applying(TenantId tenant, String executionId, String stepId, StepStatus expected, StepWork work) {
    for (int attempt = 1; ; attempt++) {
      Optional<ExecutionRun> run = read(tenant, executionId);
      if (run.isEmpty()) {
        LOG.info("event for an execution that does not exist: ignored", "execution_id", executionId);
        return;
      }
      Optional<StepItem> step = run.get().step(stepId);
      if (step.isEmpty() || step.get().status() != expected || run.get().execution().status().isFinal()) {
        LOG.info("step no longer as the event expects: nothing to do", "step_id", stepId,
            "status", step.map(found -> found.status().apiName()).orElse("absent"),
            "execution_status", run.get().execution().status().apiName());
        return;
      }
      try {
        work.apply(run.get(), step.get());
        return;
      } catch (NotApplied | ConflictException lost) {
        if (attempt >= ATTEMPTS) {
          throw new IllegalStateException("the execution kept changing under the engine", lost);
        }
        LOG.info("transition raced with another; deciding again", "step_id", stepId, "attempt", attempt);
      }
    }
  }

  private ExecutionRun runOf(TenantId tenant, ExecutionWithSteps found, boolean cached) {
    ExecutionItem execution = found.execution();
    String key = tenant.value() + "/" + execution.workflowId() + "/" + execution.workflowVersion();
    WorkflowDefinition definition = cached ? definitions.computeIfAbsent(key, ignored -> pinned(tenant, execution))
        : pinned(tenant, execution);
    return new ExecutionRun(execution, found.steps(), definition);
  }

  private WorkflowDefinition pinned(TenantId tenant, ExecutionItem execution) {
    return versions.find(tenant, execution.workflowId(), execution.workflowVersion())
        .map(version -> WorkflowDefinition.read(ExecutionRun.json(version.definition())))
        .orElseThrow(() -> new IllegalStateException("the version an execution is pinned to is missing"));
  }

  private static Node node(ExecutionRun run, StepItem step) {
    return run.definition().node(step.stepId())
        .orElseThrow(() -> new IllegalStateException("a step's node is not in its version's definition"));
  }

  private StepItem newStep(TenantId tenant, ExecutionItem execution, Node node, StepStatus status, String now) {
    String id = Ids.newId();
    return StepItem.builder()
        .meta(ExecutionRepository.newStepMeta(tenant, execution.id(), id, now))
        .id(id)
        .executionId(execution.id())
        .stepId(node.id())
        .stepName(node.name())
        .stepType(node.type())
        .status(status)
        .startedAt(status == StepStatus.RUNNING ? now : null)
        .inputData(JsonText.write(node.config()))
        .outputData("null")
        .attempt(1)
        .build();
  }

  private static int attempt(StepItem step) {
    return step.attempt() == null ? 1 : step.attempt();
  }

  private static String timerName(String stepId, String purpose) {
    return "t-" + stepId + "-" + purpose;
  }

  private static ObjectNode timer(TenantId tenant, ExecutionRun run, StepItem step, String purpose, Instant due) {
    return JsonNodeFactory.instance.objectNode().put("tenant_id", tenant.value())
        .put("execution_id", run.execution().id()).put("step_id", step.id()).put("purpose", purpose)
        .put("due_at", Timestamps.format(due));
  }

  private static int size(@Nullable JsonNode json) {
    return json == null ? 0 : JsonText.write(json).getBytes(StandardCharsets.UTF_8).length;
  }

  // ------------------------------------------------------------------ events

  private void recordExecution(WriteTransaction tx, TenantId tenant, Actor actor, String action, ExecutionItem execution,
      @Nullable ExecutionStatus before) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("status", new FieldChange(before == null ? null : before.apiName(), execution.status().apiName()));
    outbox.recordWithDetail(tx, tenant, actor, action, RESOURCE, execution.id(), changes,
        ExecutionEvents.executionDetail(execution));
  }

  private void recordStepStarted(WriteTransaction tx, TenantId tenant, Actor actor, ExecutionRun run, StepItem step,
      Node node) {
    Map<String, Object> extra = ExecutionEvents.stepDetail(run.execution(), step, node);
    extra.put("config", node.config());
    extra.put("requested_by", run.execution().triggeredBy());
    ObjectNode input = run.expressionInput();
    extra.put("context", size(input) > MAX_EVENT_CONTEXT_BYTES ? null : input);
    outbox.recordWithDetail(tx, tenant, actor, "step.started", RESOURCE, run.execution().id(), Map.of(), extra);
  }

  private void recordStepFinished(WriteTransaction tx, TenantId tenant, Actor actor, String action,
      ExecutionItem execution, StepItem step, Node node, @Nullable EdgeOutcome outcome, boolean willRetry) {
    Map<String, Object> extra = ExecutionEvents.stepDetail(execution, step, node);
    extra.put("completed_at", step.completedAt());
    extra.put("outcome", outcome == null ? null : outcome.apiName());
    extra.put("error_message", step.errorMessage());
    extra.put("will_retry", willRetry);
    outbox.recordWithDetail(tx, tenant, actor, action, RESOURCE, execution.id(), Map.of(), extra);
  }

  /** A conditional part failed: the event's view of the execution is out of date. */
  static final class NotApplied extends RuntimeException {
    NotApplied() {
      super("the execution or step changed since it was read", null, false, false);
    }
  }
}

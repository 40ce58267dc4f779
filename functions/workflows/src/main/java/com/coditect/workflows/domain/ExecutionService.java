package com.coditect.workflows.domain;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.PayloadTooLargeException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.api.ExecutionResponse;
import com.coditect.workflows.api.ExecutionWithStepsResponse;
import com.coditect.workflows.api.StartExecutionRequest;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.ExecutionRepository;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowRepository;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.TriggerType;
import com.coditect.workflows.model.WorkflowStatus;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A user's operations on executions: the manual start, the lists and the controls (cancel, pause,
 * resume, retry). Each control is one Query of the execution with its steps, one GetItem of its
 * pinned version, and one transaction conditional on the version read ({@code If-Match}: 412).
 */
@Singleton
public final class ExecutionService {

  private static final Set<ExecutionStatus> CANCELLABLE =
      EnumSet.of(ExecutionStatus.PENDING, ExecutionStatus.RUNNING, ExecutionStatus.PAUSED);

  private final ExecutionRepository executions;
  private final WorkflowRepository workflows;
  private final WorkflowEngine engine;

  @Inject
  ExecutionService(ExecutionRepository executions, WorkflowRepository workflows, WorkflowEngine engine) {
    this.executions = executions;
    this.workflows = workflows;
    this.engine = engine;
  }

  /**
   * Starts an active workflow by hand (409 otherwise), pinned to its current version: one GetItem
   * and one transaction, which checks the workflow still active.
   */
  public Created<ExecutionResponse> start(Caller caller, String workflowId, StartExecutionRequest request,
      IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    if (JsonText.write(request.contextData()).getBytes(StandardCharsets.UTF_8).length > WorkflowEngine.MAX_JSON_BYTES) {
      throw new PayloadTooLargeException("The context is over 64 KB.",
          List.of(new FieldError("context_data", "must be at most 64 KB as JSON")));
    }
    WorkflowItem workflow = workflows.findLive(tenant, workflowId).orElseThrow(ExecutionService::workflowNotFound);
    if (workflow.status() != WorkflowStatus.ACTIVE) {
      throw notActive();
    }
    ExecutionItem[] made = new ExecutionItem[1];
    engine.start(tenant, caller.actor(), workflow, Ids.newId(), TriggerType.MANUAL, caller.userId(),
        request.contextData(), null, ExecutionService::notActive,
        () -> new IllegalStateException("execution id collision"), (execution, tx) -> {
          made[0] = execution;
          claim.attach(tx, created(execution));
        });
    return created(made[0]);
  }

  /** A workflow's executions, newest first, optionally in one status: one Query (a GetItem more for a 404 on an empty first page). */
  public ResultPage<ExecutionResponse> list(Caller caller, String workflowId, Optional<ExecutionStatus> status,
      PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<ExecutionItem> found = executions.listByWorkflow(tenant, workflowId, status, page);
    if (found.items().isEmpty() && page.cursor().isEmpty() && workflows.findLive(tenant, workflowId).isEmpty()) {
      throw workflowNotFound();
    }
    return found.map(ExecutionResponse::from);
  }

  /** An execution with its steps: one Query. */
  public Versioned<ExecutionWithStepsResponse> get(Caller caller, String executionId) {
    ExecutionRepository.ExecutionWithSteps found = executions.findWithSteps(caller.tenantId(), executionId)
        .orElseThrow(ExecutionService::executionNotFound);
    return new Versioned<>(ExecutionWithStepsResponse.from(found.execution(), found.steps()),
        found.execution().version());
  }

  public Versioned<ExecutionResponse> cancel(Caller caller, String executionId, Optional<Long> ifMatch) {
    ExecutionRun run = control(caller, executionId, ifMatch, CANCELLABLE, "cancelled");
    return versioned(engine.cancel(caller.tenantId(), caller.actor(), run, Preconditions.stale(ifMatch.isPresent())));
  }

  public Versioned<ExecutionResponse> pause(Caller caller, String executionId, Optional<Long> ifMatch) {
    ExecutionRun run = control(caller, executionId, ifMatch, EnumSet.of(ExecutionStatus.RUNNING), "paused");
    return versioned(engine.pause(caller.tenantId(), caller.actor(), run, Preconditions.stale(ifMatch.isPresent())));
  }

  public Versioned<ExecutionResponse> resume(Caller caller, String executionId, Optional<Long> ifMatch) {
    ExecutionRun run = control(caller, executionId, ifMatch, EnumSet.of(ExecutionStatus.PAUSED), "resumed");
    return versioned(engine.resume(caller.tenantId(), caller.actor(), run, Preconditions.stale(ifMatch.isPresent())));
  }

  /** Re-runs a failed execution from its failed step with the same context. */
  public Versioned<ExecutionResponse> retry(Caller caller, String executionId, Optional<Long> ifMatch) {
    ExecutionRun run = control(caller, executionId, ifMatch, EnumSet.of(ExecutionStatus.FAILED), "retried");
    return versioned(engine.retry(caller.tenantId(), caller.actor(), run, Preconditions.stale(ifMatch.isPresent()))
        .orElseThrow(() -> new ConflictException("The execution has no failed step to run again.")));
  }

  private ExecutionRun control(Caller caller, String executionId, Optional<Long> ifMatch, Set<ExecutionStatus> allowed,
      String verb) {
    ExecutionRun run = engine.readForControl(caller.tenantId(), executionId)
        .orElseThrow(ExecutionService::executionNotFound);
    Preconditions.checkIfMatch(ifMatch, run.execution().version());
    if (!allowed.contains(run.execution().status())) {
      throw new ConflictException("A " + run.execution().status().apiName() + " execution cannot be " + verb + ".");
    }
    return run;
  }

  private static Versioned<ExecutionResponse> versioned(ExecutionItem execution) {
    return new Versioned<>(ExecutionResponse.from(execution), execution.version());
  }

  private static Created<ExecutionResponse> created(ExecutionItem execution) {
    return new Created<>("/v1/executions/" + execution.id(), ExecutionResponse.from(execution), execution.version());
  }

  private static ConflictException notActive() {
    return new ConflictException("The workflow is not active; publish it to start executions.");
  }

  private static NotFoundException workflowNotFound() {
    return new NotFoundException("The workflow was not found.");
  }

  private static NotFoundException executionNotFound() {
    return new NotFoundException("The execution was not found.");
  }
}

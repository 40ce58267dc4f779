package com.coditect.workflows;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.workflows.api.StartExecutionRequest;
import com.coditect.workflows.domain.ExecutionService;
import com.coditect.workflows.model.ExecutionStatus;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The execution routes of API.md's Workflows table: the manual start, the lists, and the controls.
 * Every role reads; owners, admins and members start and control executions.
 */
@Singleton
final class ExecutionRoutes implements RouteGroup {

  private final Lazy<ExecutionService> executions;
  private final Idempotency idempotency;

  @Inject
  ExecutionRoutes(Lazy<ExecutionService> executions, Idempotency idempotency) {
    this.executions = executions;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    executions.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/workflows/{workflow_id}/executions", Access.ANY_ROLE, this::list)
        .route("POST /v1/workflows/{workflow_id}/executions", Access.CONTRIBUTORS, this::start)
        .route("GET /v1/executions/{execution_id}", Access.ANY_ROLE, this::get)
        .route("POST /v1/executions/{execution_id}/cancel", Access.CONTRIBUTORS, this::cancel)
        .route("POST /v1/executions/{execution_id}/pause", Access.CONTRIBUTORS, this::pause)
        .route("POST /v1/executions/{execution_id}/resume", Access.CONTRIBUTORS, this::resume)
        .route("POST /v1/executions/{execution_id}/retry", Access.CONTRIBUTORS, this::retry);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    String workflowId = request.uuidPathParameter("workflow_id");
    Optional<ExecutionStatus> status = request.choiceQueryParameter("status", ExecutionStatus.class);
    return ApiResponse.ok(executions.get().list(caller, workflowId, status, request.page()));
  }

  private ApiResponse start(ApiRequest request, Caller caller) {
    String workflowId = request.uuidPathParameter("workflow_id");
    StartExecutionRequest body = StartExecutionRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> executions.get().start(caller, workflowId, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(executions.get().get(caller, request.uuidPathParameter("execution_id")));
  }

  private ApiResponse cancel(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(executions.get().cancel(caller, request.uuidPathParameter("execution_id"),
        request.ifMatchVersion()));
  }

  private ApiResponse pause(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(executions.get().pause(caller, request.uuidPathParameter("execution_id"),
        request.ifMatchVersion()));
  }

  private ApiResponse resume(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(executions.get().resume(caller, request.uuidPathParameter("execution_id"),
        request.ifMatchVersion()));
  }

  private ApiResponse retry(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(executions.get().retry(caller, request.uuidPathParameter("execution_id"),
        request.ifMatchVersion()));
  }
}

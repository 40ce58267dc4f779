package com.coditect.workflows;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.workflows.api.CreateWorkflowRequest;
import com.coditect.workflows.api.UpdateWorkflowRequest;
import com.coditect.workflows.api.WorkflowFilters;
import com.coditect.workflows.api.WorkflowResponse;
import com.coditect.workflows.domain.WorkflowService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The definition routes of API.md's Workflows table: {@code /v1/workflows} and one workflow, its
 * validation and its lifecycle (publish, pause, archive). Every role reads and validates; owners,
 * admins and members write. A create answers without {@code Idempotency-Key} replay: its answer may
 * carry a webhook secret, which is shown once and kept nowhere but the secret's own item.
 */
@Singleton
final class WorkflowRoutes implements RouteGroup {

  private final Lazy<WorkflowService> workflows;

  @Inject
  WorkflowRoutes(Lazy<WorkflowService> workflows) {
    this.workflows = workflows;
  }

  @Override
  public void prime() {
    workflows.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/workflows", Access.ANY_ROLE, this::list)
        .route("POST /v1/workflows", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/workflows/{workflow_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/workflows/{workflow_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/workflows/{workflow_id}", Access.CONTRIBUTORS, this::delete)
        .route("POST /v1/workflows/{workflow_id}/validate", Access.ANY_ROLE, this::validate)
        .route("POST /v1/workflows/{workflow_id}/publish", Access.CONTRIBUTORS, this::publish)
        .route("POST /v1/workflows/{workflow_id}/pause", Access.CONTRIBUTORS, this::pause)
        .route("POST /v1/workflows/{workflow_id}/archive", Access.CONTRIBUTORS, this::archive);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    String origin = origin(request);
    return ApiResponse.ok(workflows.get().list(caller, WorkflowFilters.from(request), request.page())
        .map(w -> w.atOrigin(origin)));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateWorkflowRequest body = CreateWorkflowRequest.from(request.jsonBody());
    Created<WorkflowResponse> created = workflows.get().create(caller, body);
    return new Created<>(created.location(), created.body().atOrigin(origin(request)), created.version()).toResponse();
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return versioned(request, workflows.get().get(caller, id(request)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String workflowId = id(request);
    UpdateWorkflowRequest body = UpdateWorkflowRequest.from(request.jsonBody());
    return versioned(request, workflows.get().update(caller, workflowId, request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    workflows.get().delete(caller, id(request), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse validate(ApiRequest request, Caller caller) {
    return ApiResponse.ok(workflows.get().validate(caller, id(request)));
  }

  private ApiResponse publish(ApiRequest request, Caller caller) {
    return versioned(request, workflows.get().publish(caller, id(request), request.ifMatchVersion()));
  }

  private ApiResponse pause(ApiRequest request, Caller caller) {
    return versioned(request, workflows.get().pause(caller, id(request), request.ifMatchVersion()));
  }

  private ApiResponse archive(ApiRequest request, Caller caller) {
    return versioned(request, workflows.get().archive(caller, id(request), request.ifMatchVersion()));
  }

  private static String id(ApiRequest request) {
    return request.uuidPathParameter("workflow_id");
  }

  private static ApiResponse versioned(ApiRequest request, Versioned<WorkflowResponse> result) {
    return ApiResponse.versioned(new Versioned<>(result.value().atOrigin(origin(request)), result.version()));
  }

  /**
   * Where the public hook route is: the host the request came to (the API's own domain behind API
   * Gateway), plain http only for a local runtime; empty (a path) when the request names no host.
   */
  static String origin(ApiRequest request) {
    String host = request.header("Host").orElse(null);
    if (host == null || host.isBlank()) {
      return "";
    }
    boolean local = host.startsWith("127.0.0.1") || host.startsWith("localhost");
    return request.header("X-Forwarded-Proto").orElse(local ? "http" : "https") + "://" + host;
  }
}

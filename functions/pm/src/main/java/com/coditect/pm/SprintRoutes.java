package com.coditect.pm;

import com.coditect.pm.api.CompleteSprintRequest;
import com.coditect.pm.api.CreateSprintRequest;
import com.coditect.pm.api.UpdateSprintRequest;
import com.coditect.pm.domain.SprintService;
import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The sprint routes of API.md's PM table. Every role reads; owners, admins and members write. */
@Singleton
final class SprintRoutes implements RouteGroup {

  private final Lazy<SprintService> sprints;
  private final Idempotency idempotency;

  @Inject
  SprintRoutes(Lazy<SprintService> sprints, Idempotency idempotency) {
    this.sprints = sprints;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    sprints.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/projects/{project_id}/sprints", Access.ANY_ROLE, this::list)
        .route("POST /v1/projects/{project_id}/sprints", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/sprints/{sprint_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/sprints/{sprint_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/sprints/{sprint_id}", Access.CONTRIBUTORS, this::delete)
        .route("POST /v1/sprints/{sprint_id}/start", Access.CONTRIBUTORS, this::start)
        .route("POST /v1/sprints/{sprint_id}/complete", Access.CONTRIBUTORS, this::complete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    Optional<SprintStatus> status = request.choiceQueryParameter("status", SprintStatus.class);
    return ApiResponse.ok(sprints.get().list(caller, projectId, status, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    CreateSprintRequest body = CreateSprintRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> sprints.get().create(caller, projectId, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(sprints.get().get(caller, request.uuidPathParameter("sprint_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String sprintId = request.uuidPathParameter("sprint_id");
    UpdateSprintRequest body = UpdateSprintRequest.from(request.jsonBody());
    return ApiResponse.versioned(sprints.get().update(caller, sprintId, request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    sprints.get().delete(caller, request.uuidPathParameter("sprint_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse start(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(sprints.get().start(caller, request.uuidPathParameter("sprint_id"),
        request.ifMatchVersion()));
  }

  private ApiResponse complete(ApiRequest request, Caller caller) {
    String sprintId = request.uuidPathParameter("sprint_id");
    CompleteSprintRequest body = CompleteSprintRequest.from(request);
    return ApiResponse.versioned(sprints.get().complete(caller, sprintId, request.ifMatchVersion(), body));
  }
}

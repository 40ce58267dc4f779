package com.coditect.tenancy;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.tenancy.api.CreateProjectRequest;
import com.coditect.tenancy.api.ProjectFilters;
import com.coditect.tenancy.api.UpdateProjectRequest;
import com.coditect.tenancy.domain.ProjectService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The project routes: every user reads the tenant's projects; owners, admins and members create
 * them, and a project's owner or an admin changes or deletes it (a rule of the service).
 */
@Singleton
final class ProjectRoutes implements RouteGroup {

  private final Lazy<ProjectService> projects;
  private final Idempotency idempotency;

  @Inject
  ProjectRoutes(Lazy<ProjectService> projects, Idempotency idempotency) {
    this.projects = projects;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    projects.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/projects", Access.ANY_ROLE, this::list)
        .route("POST /v1/projects", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/projects/{project_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/projects/{project_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/projects/{project_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(projects.get().list(caller, ProjectFilters.from(request), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateProjectRequest body = CreateProjectRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> projects.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(projects.get().get(caller, request.uuidPathParameter("project_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateProjectRequest body = UpdateProjectRequest.from(request.jsonBody());
    return ApiResponse.versioned(projects.get().update(caller, request.uuidPathParameter("project_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    projects.get().delete(caller, request.uuidPathParameter("project_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

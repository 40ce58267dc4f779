package com.coditect.pm;

import com.coditect.pm.api.CreateTaskRequest;
import com.coditect.pm.api.TaskFilters;
import com.coditect.pm.api.UpdateTaskRequest;
import com.coditect.pm.domain.TaskService;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The task routes of API.md's PM table: tasks, their restore and their history. */
@Singleton
final class TaskRoutes implements RouteGroup {

  private final Lazy<TaskService> tasks;
  private final Idempotency idempotency;

  @Inject
  TaskRoutes(Lazy<TaskService> tasks, Idempotency idempotency) {
    this.tasks = tasks;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    tasks.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes
        .route("GET /v1/projects/{project_id}/tasks", Access.ANY_ROLE, this::listInProject)
        .route("POST /v1/projects/{project_id}/tasks", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/tasks", Access.ANY_ROLE, this::listAcrossProjects)
        .route("GET /v1/tasks/{task_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/tasks/{task_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/tasks/{task_id}", Access.CONTRIBUTORS, this::delete)
        .route("POST /v1/tasks/{task_id}/restore", Access.CONTRIBUTORS, this::restore)
        .route("GET /v1/tasks/{task_id}/activity", Access.ANY_ROLE, this::activity);
  }

  private ApiResponse listInProject(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    TaskFilters filters = TaskFilters.ofProjectList(request);
    return ApiResponse.ok(tasks.get().listInProject(caller, projectId, filters, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    CreateTaskRequest body = CreateTaskRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> tasks.get().create(caller, projectId, body,
        lookup));
  }

  private ApiResponse listAcrossProjects(ApiRequest request, Caller caller) {
    TaskFilters filters = TaskFilters.ofTenantList(request, caller.userId());
    return ApiResponse.ok(tasks.get().listAcrossProjects(caller, filters, request.page()));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(tasks.get().get(caller, TaskRefs.of(request)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String taskRef = TaskRefs.of(request);
    UpdateTaskRequest body = UpdateTaskRequest.from(request.jsonBody());
    return ApiResponse.versioned(tasks.get().update(caller, taskRef, request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    tasks.get().delete(caller, TaskRefs.of(request), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse restore(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(tasks.get().restore(caller, TaskRefs.of(request)));
  }

  private ApiResponse activity(ApiRequest request, Caller caller) {
    return ApiResponse.ok(tasks.get().activity(caller, TaskRefs.of(request), request.page()));
  }
}

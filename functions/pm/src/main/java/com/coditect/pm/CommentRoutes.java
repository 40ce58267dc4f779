package com.coditect.pm;

import com.coditect.pm.api.CreateCommentRequest;
import com.coditect.pm.api.UpdateCommentRequest;
import com.coditect.pm.domain.CommentService;
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

/** The comment routes of API.md's PM table. */
@Singleton
final class CommentRoutes implements RouteGroup {

  private final Lazy<CommentService> comments;
  private final Idempotency idempotency;

  @Inject
  CommentRoutes(Lazy<CommentService> comments, Idempotency idempotency) {
    this.comments = comments;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    comments.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/tasks/{task_id}/comments", Access.ANY_ROLE, this::list)
        .route("POST /v1/tasks/{task_id}/comments", Access.CONTRIBUTORS, this::create)
        .route("PATCH /v1/tasks/{task_id}/comments/{comment_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/tasks/{task_id}/comments/{comment_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(comments.get().list(caller, TaskRefs.of(request), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String taskRef = TaskRefs.of(request);
    CreateCommentRequest body = CreateCommentRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> comments.get().create(caller, taskRef, body,
        lookup));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateCommentRequest body = UpdateCommentRequest.from(request.jsonBody());
    return ApiResponse.versioned(comments.get().update(caller, TaskRefs.of(request),
        request.uuidPathParameter("comment_id"), request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    comments.get().delete(caller, TaskRefs.of(request), request.uuidPathParameter("comment_id"),
        request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

package com.coditect.pm;

import com.coditect.pm.api.CreateAttachmentRequest;
import com.coditect.pm.domain.AttachmentService;
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

/** The attachment routes of API.md's PM table. */
@Singleton
final class AttachmentRoutes implements RouteGroup {

  private final Lazy<AttachmentService> attachments;
  private final Idempotency idempotency;

  @Inject
  AttachmentRoutes(Lazy<AttachmentService> attachments, Idempotency idempotency) {
    this.attachments = attachments;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    attachments.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/tasks/{task_id}/attachments", Access.ANY_ROLE, this::list)
        .route("POST /v1/tasks/{task_id}/attachments", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/tasks/{task_id}/attachments/{attachment_id}", Access.ANY_ROLE, this::get)
        .route("DELETE /v1/tasks/{task_id}/attachments/{attachment_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(attachments.get().list(caller, TaskRefs.of(request), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String taskRef = TaskRefs.of(request);
    CreateAttachmentRequest body = CreateAttachmentRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> attachments.get().create(caller, taskRef,
        body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(attachments.get().get(caller, TaskRefs.of(request),
        request.uuidPathParameter("attachment_id")));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    attachments.get().delete(caller, TaskRefs.of(request), request.uuidPathParameter("attachment_id"),
        request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

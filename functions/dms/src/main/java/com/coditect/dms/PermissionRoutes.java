package com.coditect.dms;

import com.coditect.dms.api.CreatePermissionRequest;
import com.coditect.dms.domain.PermissionService;
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

/**
 * The permission routes of API.md's Documents table. Writes are for contributors; who may manage a
 * given document's or folder's grants (admin on it) is the service's data-dependent rule.
 */
@Singleton
final class PermissionRoutes implements RouteGroup {

  private final Lazy<PermissionService> permissions;
  private final Idempotency idempotency;

  @Inject
  PermissionRoutes(Lazy<PermissionService> permissions, Idempotency idempotency) {
    this.permissions = permissions;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    permissions.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/documents/{document_id}/permissions", Access.ANY_ROLE, this::listOnDocument)
        .route("POST /v1/documents/{document_id}/permissions", Access.CONTRIBUTORS, this::grantOnDocument)
        .route("GET /v1/folders/{folder_id}/permissions", Access.ANY_ROLE, this::listOnFolder)
        .route("POST /v1/folders/{folder_id}/permissions", Access.CONTRIBUTORS, this::grantOnFolder)
        .route("DELETE /v1/permissions/{permission_id}", Access.CONTRIBUTORS, this::revoke)
        .route("GET /v1/documents/{document_id}/effective-permission", Access.ANY_ROLE, this::effective);
  }

  private ApiResponse listOnDocument(ApiRequest request, Caller caller) {
    return ApiResponse.ok(permissions.get().listOnDocument(caller, request.uuidPathParameter("document_id"),
        request.page()));
  }

  private ApiResponse grantOnDocument(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    CreatePermissionRequest body = CreatePermissionRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> permissions.get().grantOnDocument(caller, documentId, body,
        claim));
  }

  private ApiResponse listOnFolder(ApiRequest request, Caller caller) {
    return ApiResponse.ok(permissions.get().listOnFolder(caller, request.uuidPathParameter("folder_id"),
        request.page()));
  }

  private ApiResponse grantOnFolder(ApiRequest request, Caller caller) {
    String folderId = request.uuidPathParameter("folder_id");
    CreatePermissionRequest body = CreatePermissionRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> permissions.get().grantOnFolder(caller, folderId, body, claim));
  }

  private ApiResponse revoke(ApiRequest request, Caller caller) {
    permissions.get().revoke(caller, request.uuidPathParameter("permission_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse effective(ApiRequest request, Caller caller) {
    return ApiResponse.ok(permissions.get().effective(caller, request.uuidPathParameter("document_id"),
        request.uuidQueryParameter("user_id")));
  }
}

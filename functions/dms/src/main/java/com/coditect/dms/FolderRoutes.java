package com.coditect.dms;

import com.coditect.dms.api.CreateFolderRequest;
import com.coditect.dms.api.UpdateFolderRequest;
import com.coditect.dms.domain.FolderService;
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
 * The folder routes of API.md's Documents table. Every role reads; owners, admins and members
 * write, with {@code edit} on the folders they change (checked by the service). A soft-deleted
 * folder is restored with {@code PATCH} and {@code {"deleted_at": null}}: API.md has no restore route for folders.
 */
@Singleton
final class FolderRoutes implements RouteGroup {

  private final Lazy<FolderService> folders;
  private final Idempotency idempotency;

  @Inject
  FolderRoutes(Lazy<FolderService> folders, Idempotency idempotency) {
    this.folders = folders;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    folders.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/folders", Access.ANY_ROLE, this::list)
        .route("POST /v1/folders", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/folders/{folder_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/folders/{folder_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/folders/{folder_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(folders.get().list(caller, request.uuidQueryParameter("parent_id"), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateFolderRequest body = CreateFolderRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> folders.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(folders.get().get(caller, request.uuidPathParameter("folder_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String folderId = request.uuidPathParameter("folder_id");
    UpdateFolderRequest body = UpdateFolderRequest.from(request.jsonBody());
    return ApiResponse.versioned(folders.get().update(caller, folderId, request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    folders.get().delete(caller, request.uuidPathParameter("folder_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

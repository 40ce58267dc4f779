package com.coditect.dms;

import com.coditect.dms.api.CreateShareRequest;
import com.coditect.dms.api.UpdateShareRequest;
import com.coditect.dms.domain.ShareService;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The share-link routes of API.md's Documents table that need a token. Who may manage a link is
 * decided from the document's permissions ({@code edit}) in the service. A create takes no
 * {@code Idempotency-Key}: replaying it would need the token kept in the stored response, and the
 * token is kept nowhere.
 */
@Singleton
final class ShareRoutes implements RouteGroup {

  private final Lazy<ShareService> shares;

  @Inject
  ShareRoutes(Lazy<ShareService> shares) {
    this.shares = shares;
  }

  @Override
  public void prime() {
    shares.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/documents/{document_id}/shares", Access.ANY_ROLE, this::list)
        .route("POST /v1/documents/{document_id}/shares", Access.CONTRIBUTORS, this::create)
        .route("PATCH /v1/shares/{share_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/shares/{share_id}", Access.CONTRIBUTORS, this::revoke);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(shares.get().list(caller, request.uuidPathParameter("document_id"), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    CreateShareRequest body = CreateShareRequest.from(request.jsonBody());
    return shares.get().create(caller, documentId, body, pageUrl(request)).toResponse();
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String shareId = request.uuidPathParameter("share_id");
    UpdateShareRequest body = UpdateShareRequest.from(request.jsonBody());
    return ApiResponse.versioned(shares.get().update(caller, shareId, request.ifMatchVersion(), body));
  }

  private ApiResponse revoke(ApiRequest request, Caller caller) {
    shares.get().revoke(caller, request.uuidPathParameter("share_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  /**
   * The public page of a token at the host the request came to (the API's own domain behind API
   * Gateway, which serves the page too); plain http only for a local runtime.
   */
  static Function<String, String> pageUrl(ApiRequest request) {
    String host = request.header("Host").orElse(null);
    if (host == null || host.isBlank()) {
      return token -> "/share/" + token;
    }
    boolean local = host.startsWith("127.0.0.1") || host.startsWith("localhost");
    String scheme = request.header("X-Forwarded-Proto").orElse(local ? "http" : "https");
    return token -> scheme + "://" + host + "/share/" + token;
  }
}

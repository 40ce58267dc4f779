package com.coditect.dms;

import com.coditect.dms.api.CompleteVersionRequest;
import com.coditect.dms.api.CreateVersionRequest;
import com.coditect.dms.domain.VersionService;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A document's versions and its content (API.md's Documents table). */
@Singleton
final class VersionRoutes implements RouteGroup {

  private final Lazy<VersionService> versions;
  private final Idempotency idempotency;

  @Inject
  VersionRoutes(Lazy<VersionService> versions, Idempotency idempotency) {
    this.versions = versions;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    versions.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/documents/{document_id}/versions", Access.ANY_ROLE, this::list)
        .route("POST /v1/documents/{document_id}/versions", Access.CONTRIBUTORS, this::start)
        .route("POST /v1/documents/{document_id}/versions/{version_number}/complete", Access.CONTRIBUTORS,
            this::complete)
        .route("GET /v1/documents/{document_id}/content", Access.ANY_ROLE, this::content);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(versions.get().list(caller, request.uuidPathParameter("document_id"), request.page()));
  }

  private ApiResponse start(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    CreateVersionRequest body = CreateVersionRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> versions.get().start(caller, documentId, body, claim));
  }

  private ApiResponse complete(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    long number = versionNumber("version_number", Optional.of(request.pathParameter("version_number"))).orElseThrow();
    CompleteVersionRequest body = CompleteVersionRequest.from(request.bodyText().isBlank() ? null : request.jsonBody());
    return ApiResponse.versioned(versions.get().complete(caller, documentId, number, body));
  }

  /** 302 to a presigned GET, valid five minutes; never cached, since each one is a recorded download. */
  private ApiResponse content(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    PresignedRequest url = versions.get().content(caller, documentId,
        versionNumber("version", request.queryParameter("version")));
    return new ApiResponse(302, Map.of("Location", url.url().toString(), "Cache-Control", "no-store"), null);
  }

  private static Optional<Long> versionNumber(String name, Optional<String> raw) {
    return raw.map(value -> {
      try {
        long number = Long.parseLong(value);
        if (number >= 1 && number <= Integer.MAX_VALUE) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw BadRequestException.forField(name, "must be a version number, a whole number from 1 to 2147483647");
    });
  }
}

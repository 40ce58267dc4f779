package com.coditect.dms;

import com.coditect.dms.api.CreateDocumentRequest;
import com.coditect.dms.api.DocumentFilters;
import com.coditect.dms.api.UpdateDocumentRequest;
import com.coditect.dms.domain.DocumentService;
import com.coditect.dms.model.DocumentStatus;
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

/** The document routes of API.md's Documents table (versions are {@link VersionRoutes}). */
@Singleton
final class DocumentRoutes implements RouteGroup {

  private final Lazy<DocumentService> documents;
  private final Idempotency idempotency;

  @Inject
  DocumentRoutes(Lazy<DocumentService> documents, Idempotency idempotency) {
    this.documents = documents;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    documents.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/documents", Access.ANY_ROLE, this::list)
        .route("POST /v1/documents", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/documents/{document_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/documents/{document_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/documents/{document_id}", Access.CONTRIBUTORS, this::delete)
        .route("POST /v1/documents/{document_id}/restore", Access.CONTRIBUTORS, this::restore);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    Optional<String> folder = request.queryParameter("folder_id");
    DocumentFilters filters = new DocumentFilters(request.queryParameter("checksum"),
        folder.filter(DocumentFilters.ROOT::equals).isPresent() ? folder : request.uuidQueryParameter("folder_id"),
        request.uuidQueryParameter("project_id"), request.uuidQueryParameter("owner_id"),
        request.queryParameter("tag"), request.choiceQueryParameter("status", DocumentStatus.class));
    return ApiResponse.ok(documents.get().list(caller, filters, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateDocumentRequest body = CreateDocumentRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> documents.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(documents.get().get(caller, request.uuidPathParameter("document_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateDocumentRequest body = UpdateDocumentRequest.from(request.jsonBody());
    return ApiResponse.versioned(documents.get().update(caller, request.uuidPathParameter("document_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    documents.get().delete(caller, request.uuidPathParameter("document_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse restore(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(documents.get().restore(caller, request.uuidPathParameter("document_id"),
        request.ifMatchVersion()));
  }
}

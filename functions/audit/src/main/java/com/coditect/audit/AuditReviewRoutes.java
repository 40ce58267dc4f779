package com.coditect.audit;

import com.coditect.audit.api.CreateAuditReviewRequest;
import com.coditect.audit.api.AuditReviewFilters;
import com.coditect.audit.api.UpdateAuditReviewRequest;
import com.coditect.audit.domain.AuditReviewService;
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
 * The audit review routes of API.md. Auditors, owners and admins read and open reviews; a review is
 * changed by its reviewer or an owner or admin. Every other role gets 403 before any read.
 */
@Singleton
final class AuditReviewRoutes implements RouteGroup {

  private final Lazy<AuditReviewService> reviews;
  private final Idempotency idempotency;

  @Inject
  AuditReviewRoutes(Lazy<AuditReviewService> reviews, Idempotency idempotency) {
    this.reviews = reviews;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    reviews.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/audit-reviews", Access.AUDITORS, this::list)
        .route("POST /v1/audit-reviews", Access.AUDITORS, this::create)
        .route("GET /v1/audit-reviews/{review_id}", Access.AUDITORS, this::get)
        .route("PATCH /v1/audit-reviews/{review_id}", Access.AUDITORS, this::update);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    AuditReviewFilters filters = AuditReviewFilters.from(request);
    return ApiResponse.ok(reviews.get().list(caller, filters, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateAuditReviewRequest body = CreateAuditReviewRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> reviews.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(reviews.get().get(caller, request.uuidPathParameter("review_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String reviewId = request.uuidPathParameter("review_id");
    UpdateAuditReviewRequest body = UpdateAuditReviewRequest.from(request.jsonBody());
    return ApiResponse.versioned(reviews.get().update(caller, reviewId,
        request.ifMatchVersion(), body));
  }
}

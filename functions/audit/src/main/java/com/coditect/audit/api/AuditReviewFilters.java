package com.coditect.audit.api;

import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The filters of {@code GET /v1/audit-reviews}; a bad one is a 400 naming it. */
public record AuditReviewFilters(Optional<String> status, Optional<String> reviewerId) {

  public static AuditReviewFilters from(ApiRequest request) {
    return new AuditReviewFilters(request.choiceQueryParameter("status", AuditReviewFields.STATUSES),
        request.uuidQueryParameter("reviewer_id"));
  }

  /** Every filter and its value, for binding a cursor to the filters it was made with. */
  public String describe() {
    return status.orElse("") + "|" + reviewerId.orElse("");
  }
}

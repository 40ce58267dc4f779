package com.coditect.audit.api;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The filters of {@code GET /v1/audit-reviews}; a bad one is a 400 naming it. */
public record AuditReviewFilters(Optional<AuditReviewStatus> status, Optional<String> reviewerId) {

  public static AuditReviewFilters from(ApiRequest request) {
    Optional<AuditReviewStatus> status = request.choiceQueryParameter("status", AuditReviewStatus.class);
    return new AuditReviewFilters(status, request.uuidQueryParameter("reviewer_id"));
  }

  /** Every filter and its value, for binding a cursor to the filters it was made with. */
  public String describe() {
    return status.map(Choice::apiName).orElse("") + "|" + reviewerId.orElse("");
  }
}

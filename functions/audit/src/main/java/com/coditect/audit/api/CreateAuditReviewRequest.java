package com.coditect.audit.api;

import com.coditect.audit.model.AuditReviewType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * {@code POST /v1/audit-reviews}. The reviewer is the caller and every review starts
 * {@code in_progress}, so neither can be sent.
 */
public record CreateAuditReviewRequest(
    AuditReviewType reviewType, LocalDate scopeStartDate, LocalDate scopeEndDate, String findings, String recommendations) {

  public static CreateAuditReviewRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.reject("reviewer_id", "is the caller and cannot be chosen");
    fields.reject("status", "is not chosen at creation: a review starts in_progress");
    var request = new CreateAuditReviewRequest(
        fields.requiredChoice("review_type", AuditReviewType.class),
        fields.requiredDate("scope_start_date"),
        fields.requiredDate("scope_end_date"),
        fields.optionalString("findings", AuditReviewFields.TEXT_MAX),
        fields.optionalString("recommendations", AuditReviewFields.TEXT_MAX));
    fields.finish();
    return request;
  }
}

package com.coditect.audit.api;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.audit.model.AuditReviewType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * {@code PATCH /v1/audit-reviews/{review_id}}: findings and recommendations (null clears them), the
 * type, the scope, and the status. Which changes a review still takes is a rule of the service.
 */
public record UpdateAuditReviewRequest(
    Patch<AuditReviewType> reviewType, Patch<LocalDate> scopeStartDate, Patch<LocalDate> scopeEndDate,
    Patch<AuditReviewStatus> status,
    Patch<String> findings, Patch<String> recommendations) {

  public static UpdateAuditReviewRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("reviewer_id", "cannot be changed: the reviewer is who created the review");
    var request = new UpdateAuditReviewRequest(
        fields.patchChoice("review_type", AuditReviewType.class, false),
        fields.patchDate("scope_start_date", false),
        fields.patchDate("scope_end_date", false),
        fields.patchChoice("status", AuditReviewStatus.class, false),
        fields.patchString("findings", AuditReviewFields.TEXT_MAX, true),
        fields.patchString("recommendations", AuditReviewFields.TEXT_MAX, true));
    fields.finish();
    return request;
  }
}

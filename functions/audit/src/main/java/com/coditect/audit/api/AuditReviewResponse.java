package com.coditect.audit.api;

import com.coditect.audit.data.AuditReviewItem;

/** An audit review as the API shows it (its version is the ETag). */
public record AuditReviewResponse(
    String id, String reviewerId, String reviewType, String scopeStartDate, String scopeEndDate, String status,
    String findings, String recommendations, String createdAt, String updatedAt, String completedAt) {

  public static AuditReviewResponse from(AuditReviewItem item) {
    return new AuditReviewResponse(item.id(), item.reviewerId(), item.reviewType().apiName(), item.scopeStartDate(),
        item.scopeEndDate(), item.status().apiName(), item.findings(), item.recommendations(), item.createdAt(),
        item.updatedAt(), item.completedAt());
  }
}

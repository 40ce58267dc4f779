package com.coditect.audit.api;

import java.util.List;

/** The spec's choices for audit reviews (Domain 4.2) and the limits this API sets on its text. */
public final class AuditReviewFields {

  public static final List<String> REVIEW_TYPES = List.of("security", "compliance", "access", "data");
  public static final List<String> STATUSES = List.of("in_progress", "completed", "cancelled");

  /**
   * The spec's findings and recommendations are unbounded text; every change's event carries the
   * old and the new value of both, and an event must fit EventBridge's 256 KB. 10,000 characters
   * (60 KB each even if every one needed a six-byte JSON escape) keeps an event that changes both
   * below it; {@code AuditReviewRoutesIT} checks that worst case.
   */
  public static final int TEXT_MAX = 10_000;

  private AuditReviewFields() {}
}

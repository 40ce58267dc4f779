package com.coditect.audit.api;

/**
 * The limits this API sets on an audit review's text (its choice lists are {@code AuditReviewType}
 * and {@code AuditReviewStatus}).
 */
public final class AuditReviewFields {

  /**
   * The spec's findings and recommendations are unbounded text; every change's event carries the
   * old and the new value of both, and an event must fit EventBridge's 256 KB. 10,000 characters
   * (60 KB each even if every one needed a six-byte JSON escape) keeps an event that changes both
   * below it; {@code AuditReviewRoutesIT} checks that worst case.
   */
  public static final int TEXT_MAX = 10_000;

  private AuditReviewFields() {}
}

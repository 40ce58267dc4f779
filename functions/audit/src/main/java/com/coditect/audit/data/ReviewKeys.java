package com.coditect.audit.data;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of an audit review, built in one place (layout and access patterns: {@link AuditReviewItem}).
 *
 * <p>The label is {@code AUDIT_REVIEW}, never {@code AUDIT#...}: the audit function's role denies
 * every write to partitions matching {@code T#*#AUDIT} and {@code T#*#AUDIT#*} (entries, the chain
 * head, list rows), and reviews must stay writable beside that deny (template.yaml;
 * {@code AuditReviewRoutesIT} checks every key the review routes write against it).
 */
public final class ReviewKeys {

  public static final String ENTITY = "AUDIT_REVIEW";

  private ReviewKeys() {}

  public static Key review(TenantId tenant, String reviewId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(ENTITY, reviewId).build()).sortValue(ENTITY).build();
  }

  /** GSI1 partition: all of the tenant's reviews. */
  public static String reviews(TenantId tenant) {
    return Keys.tenant(tenant).with("AUDIT_REVIEWS").build();
  }

  /** GSI2 partition: one reviewer's reviews with one status. */
  public static String reviewsOf(TenantId tenant, String reviewerId, AuditReviewStatus status) {
    return Keys.tenant(tenant).with("USER", reviewerId).with("AUDIT_REVIEWS", status.apiName()).build();
  }

  /** Sort key of both lists: creation time, then the id for reviews of one millisecond. */
  public static String byCreation(String createdAt, String reviewId) {
    return createdAt + "#" + reviewId;
  }
}

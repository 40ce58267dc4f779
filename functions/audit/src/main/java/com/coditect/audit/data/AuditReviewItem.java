package com.coditect.audit.data;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.audit.model.AuditReviewType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A manual audit review (spec Domain 4.2). Never deleted: a review is evidence for compliance
 * reports, and a completed or cancelled one is final.
 *
 * <pre>
 * PK / SK       T#t#AUDIT_REVIEW#r / AUDIT_REVIEW                                       one review
 * GSI1PK / SK   T#t#AUDIT_REVIEWS / &lt;created_at&gt;#r                                    newest first (spec index (tenant, -created_at))
 * GSI2PK / SK   T#t#USER#&lt;reviewer&gt;#AUDIT_REVIEWS#&lt;status&gt; / &lt;created_at&gt;#r     ?reviewer_id=&amp;status= (spec index (reviewer, status))
 * </pre>
 */
public final class AuditReviewItem extends TableItem {

  public String id;
  /**
   * The user who conducts the review: its creator. Nullable (spec: SET_NULL); a review without a
   * reviewer is on no reviewer list (GSI2).
   */
  public String reviewerId;
  public AuditReviewType reviewType;
  /** {@code YYYY-MM-DD}. */
  public String scopeStartDate;
  public String scopeEndDate;
  public AuditReviewStatus status;
  public String findings;
  public String recommendations;
  public String completedAt;

  public static final TableSchema<AuditReviewItem> SCHEMA =
      StaticTableSchema.builder(AuditReviewItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(AuditReviewItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("reviewer_id").getter(i -> i.reviewerId)
              .setter((i, v) -> i.reviewerId = v))
          .addAttribute(AuditReviewType.class, a -> a.name("review_type").getter(i -> i.reviewType)
              .setter((i, v) -> i.reviewType = v).attributeConverter(ChoiceConverter.of(AuditReviewType.class)))
          .addAttribute(String.class, a -> a.name("scope_start_date").getter(i -> i.scopeStartDate)
              .setter((i, v) -> i.scopeStartDate = v))
          .addAttribute(String.class, a -> a.name("scope_end_date").getter(i -> i.scopeEndDate)
              .setter((i, v) -> i.scopeEndDate = v))
          .addAttribute(AuditReviewStatus.class, a -> a.name("status").getter(i -> i.status)
              .setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(AuditReviewStatus.class)))
          .addAttribute(String.class, a -> a.name("findings").getter(i -> i.findings).setter((i, v) -> i.findings = v))
          .addAttribute(String.class, a -> a.name("recommendations").getter(i -> i.recommendations)
              .setter((i, v) -> i.recommendations = v))
          .addAttribute(String.class, a -> a.name("completed_at").getter(i -> i.completedAt)
              .setter((i, v) -> i.completedAt = v))
          .build();

  /** A field-by-field copy, to compare a review before and after a change. */
  public AuditReviewItem copy() {
    return SCHEMA.mapToItem(SCHEMA.itemToMap(this, true));
  }
}

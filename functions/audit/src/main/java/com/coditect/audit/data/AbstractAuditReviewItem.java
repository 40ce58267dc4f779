package com.coditect.audit.data;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.audit.model.AuditReviewType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractAuditReviewItem implements StoredItem<AuditReviewItem> {

  public abstract String id();

  /**
   * The user who conducts the review: its creator. Nullable (spec: SET_NULL); a review without a
   * reviewer is on no reviewer list (GSI2).
   */
  public abstract @Nullable String reviewerId();

  public abstract AuditReviewType reviewType();

  /** {@code YYYY-MM-DD}. */
  public abstract String scopeStartDate();

  public abstract String scopeEndDate();

  public abstract AuditReviewStatus status();

  public abstract @Nullable String findings();

  public abstract @Nullable String recommendations();

  public abstract @Nullable String completedAt();

  public static final TableSchema<AuditReviewItem> SCHEMA =
      StaticImmutableTableSchema.builder(AuditReviewItem.class, AuditReviewItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(AuditReviewItem::builder, AuditReviewItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, AuditReviewItem::meta, AuditReviewItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(AuditReviewItem::id).setter(AuditReviewItem.Builder::id))
          .addAttribute(String.class, a -> a.name("reviewer_id").getter(AuditReviewItem::reviewerId)
              .setter(AuditReviewItem.Builder::reviewerId))
          .addAttribute(AuditReviewType.class, a -> a.name("review_type").getter(AuditReviewItem::reviewType)
              .setter(AuditReviewItem.Builder::reviewType)
              .attributeConverter(ChoiceConverter.of(AuditReviewType.class)))
          .addAttribute(String.class, a -> a.name("scope_start_date").getter(AuditReviewItem::scopeStartDate)
              .setter(AuditReviewItem.Builder::scopeStartDate))
          .addAttribute(String.class, a -> a.name("scope_end_date").getter(AuditReviewItem::scopeEndDate)
              .setter(AuditReviewItem.Builder::scopeEndDate))
          .addAttribute(AuditReviewStatus.class, a -> a.name("status").getter(AuditReviewItem::status)
              .setter(AuditReviewItem.Builder::status)
              .attributeConverter(ChoiceConverter.of(AuditReviewStatus.class)))
          .addAttribute(String.class, a -> a.name("findings").getter(AuditReviewItem::findings)
              .setter(AuditReviewItem.Builder::findings))
          .addAttribute(String.class, a -> a.name("recommendations").getter(AuditReviewItem::recommendations)
              .setter(AuditReviewItem.Builder::recommendations))
          .addAttribute(String.class, a -> a.name("completed_at").getter(AuditReviewItem::completedAt)
              .setter(AuditReviewItem.Builder::completedAt))
          .build();
}

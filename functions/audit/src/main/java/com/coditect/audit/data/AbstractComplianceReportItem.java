package com.coditect.audit.data;

import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.audit.model.ComplianceReportType;
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
 * A compliance report (spec Domain 4.3): requested {@code generating}, then {@code completed} with
 * its figures and PDF, or {@code failed} with a reason.
 *
 * <pre>
 * PK                                SK                  GSI1PK / GSI1SK                     GSI2PK / GSI2SK
 * T#t#COMPLIANCE_REPORT#r           COMPLIANCE_REPORT   T#t#COMPLIANCE_REPORTS / r          T#t#COMPLIANCE_REPORTS#TYPE#x / r
 * </pre>
 * Serves: one report by id (GetItem); the tenant's reports newest first (spec index
 * (tenant, -created_at): ids are UUIDv7, so id order is creation order); those of one
 * {@code report_type} newest first (spec index report_type). The key stays outside the audit
 * log's partitions ({@code T#t#AUDIT...}), which IAM keeps immutable.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractComplianceReportItem implements StoredItem<ComplianceReportItem> {

  public static final String ENTITY = "COMPLIANCE_REPORT";

  public abstract String id();

  public abstract ComplianceReportType reportType();

  /** ISO dates, YYYY-MM-DD. */
  public abstract String periodStart();

  public abstract String periodEnd();

  public abstract ComplianceReportStatus status();

  /** JSON text: the figures, the controls and the chain's verification (see ComplianceReportData). */
  public abstract @Nullable String reportData();

  public abstract @Nullable String filePath();

  /** Null for the reports the platform's monthly schedule requested. */
  public abstract @Nullable String generatedBy();

  public abstract @Nullable String failureReason();

  public abstract @Nullable String completedAt();

  public static final TableSchema<ComplianceReportItem> SCHEMA =
      StaticImmutableTableSchema.builder(ComplianceReportItem.class, ComplianceReportItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ComplianceReportItem::builder, ComplianceReportItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ComplianceReportItem::meta, ComplianceReportItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ComplianceReportItem::id)
              .setter(ComplianceReportItem.Builder::id))
          .addAttribute(ComplianceReportType.class, a -> a.name("report_type").getter(ComplianceReportItem::reportType)
              .setter(ComplianceReportItem.Builder::reportType)
              .attributeConverter(ChoiceConverter.of(ComplianceReportType.class)))
          .addAttribute(String.class, a -> a.name("period_start").getter(ComplianceReportItem::periodStart)
              .setter(ComplianceReportItem.Builder::periodStart))
          .addAttribute(String.class, a -> a.name("period_end").getter(ComplianceReportItem::periodEnd)
              .setter(ComplianceReportItem.Builder::periodEnd))
          .addAttribute(ComplianceReportStatus.class, a -> a.name("status").getter(ComplianceReportItem::status)
              .setter(ComplianceReportItem.Builder::status)
              .attributeConverter(ChoiceConverter.of(ComplianceReportStatus.class)))
          .addAttribute(String.class, a -> a.name("report_data").getter(ComplianceReportItem::reportData)
              .setter(ComplianceReportItem.Builder::reportData))
          .addAttribute(String.class, a -> a.name("file_path").getter(ComplianceReportItem::filePath)
              .setter(ComplianceReportItem.Builder::filePath))
          .addAttribute(String.class, a -> a.name("generated_by").getter(ComplianceReportItem::generatedBy)
              .setter(ComplianceReportItem.Builder::generatedBy))
          .addAttribute(String.class, a -> a.name("failure_reason").getter(ComplianceReportItem::failureReason)
              .setter(ComplianceReportItem.Builder::failureReason))
          .addAttribute(String.class, a -> a.name("completed_at").getter(ComplianceReportItem::completedAt)
              .setter(ComplianceReportItem.Builder::completedAt))
          .build();
}

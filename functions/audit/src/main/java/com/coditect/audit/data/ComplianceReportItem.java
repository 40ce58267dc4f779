package com.coditect.audit.data;

import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

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
public final class ComplianceReportItem extends TableItem {

  public static final String ENTITY = "COMPLIANCE_REPORT";

  public String id;
  public ComplianceReportType reportType;
  /** ISO dates, YYYY-MM-DD. */
  public String periodStart;
  public String periodEnd;
  public ComplianceReportStatus status;
  /** JSON text: the figures, the controls and the chain's verification (see ComplianceReportData). */
  public String reportData;
  public String filePath;
  /** Null for the reports the platform's monthly schedule requested. */
  public String generatedBy;
  public String failureReason;
  public String completedAt;

  public static final TableSchema<ComplianceReportItem> SCHEMA =
      StaticTableSchema.builder(ComplianceReportItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(ComplianceReportItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(ComplianceReportType.class, a -> a.name("report_type").getter(i -> i.reportType)
              .setter((i, v) -> i.reportType = v).attributeConverter(ChoiceConverter.of(ComplianceReportType.class)))
          .addAttribute(String.class, a -> a.name("period_start").getter(i -> i.periodStart)
              .setter((i, v) -> i.periodStart = v))
          .addAttribute(String.class, a -> a.name("period_end").getter(i -> i.periodEnd)
              .setter((i, v) -> i.periodEnd = v))
          .addAttribute(ComplianceReportStatus.class, a -> a.name("status").getter(i -> i.status)
              .setter((i, v) -> i.status = v).attributeConverter(ChoiceConverter.of(ComplianceReportStatus.class)))
          .addAttribute(String.class, a -> a.name("report_data").getter(i -> i.reportData)
              .setter((i, v) -> i.reportData = v))
          .addAttribute(String.class, a -> a.name("file_path").getter(i -> i.filePath)
              .setter((i, v) -> i.filePath = v))
          .addAttribute(String.class, a -> a.name("generated_by").getter(i -> i.generatedBy)
              .setter((i, v) -> i.generatedBy = v))
          .addAttribute(String.class, a -> a.name("failure_reason").getter(i -> i.failureReason)
              .setter((i, v) -> i.failureReason = v))
          .addAttribute(String.class, a -> a.name("completed_at").getter(i -> i.completedAt)
              .setter((i, v) -> i.completedAt = v))
          .build();
}

package com.coditect.audit.data;

import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The tenant's compliance report in flight: while a report a user requested is generating, the
 * next request is refused (429). The generator releases it (removes {@code report_id}) in the
 * transaction that completes or fails the report. Its {@code ttl} is when the claim lapses even if
 * the generator never finished; the code checks it (DynamoDB's TTL removes the item later).
 *
 * <pre>
 * PK                                 SK                           attributes
 * T#t#COMPLIANCE_REPORT_IN_FLIGHT    COMPLIANCE_REPORT_IN_FLIGHT  report_id (absent once released), ttl
 * </pre>
 * Outside the audit log's partitions ({@code T#t#AUDIT...}), which IAM keeps immutable.
 */
public final class ReportInFlightItem extends TableItem {

  public static final String ENTITY = "COMPLIANCE_REPORT_IN_FLIGHT";

  public String reportId;

  public static final TableSchema<ReportInFlightItem> SCHEMA =
      StaticTableSchema.builder(ReportInFlightItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(ReportInFlightItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("report_id").getter(i -> i.reportId)
              .setter((i, v) -> i.reportId = v))
          .build();
}

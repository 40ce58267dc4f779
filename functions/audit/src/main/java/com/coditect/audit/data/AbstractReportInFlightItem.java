package com.coditect.audit.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractReportInFlightItem implements StoredItem<ReportInFlightItem> {

  public static final String ENTITY = "COMPLIANCE_REPORT_IN_FLIGHT";

  /** Absent once released. */
  public abstract @Nullable String reportId();

  public static final TableSchema<ReportInFlightItem> SCHEMA =
      StaticImmutableTableSchema.builder(ReportInFlightItem.class, ReportInFlightItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ReportInFlightItem::builder, ReportInFlightItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ReportInFlightItem::meta, ReportInFlightItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("report_id").getter(ReportInFlightItem::reportId)
              .setter(ReportInFlightItem.Builder::reportId))
          .build();
}

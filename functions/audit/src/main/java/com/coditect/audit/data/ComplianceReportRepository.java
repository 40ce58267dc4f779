package com.coditect.audit.data;

import com.coditect.audit.model.ComplianceReportStatus;
import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads compliance reports by the access patterns of docs/access-patterns.md (AU10-AU12), and
 * claims and releases the tenant's report in flight (AU16).
 */
@Singleton
public final class ComplianceReportRepository extends ItemRepository<ComplianceReportItem> {

  /** Free: never claimed, released by its generator, or lapsed. */
  private static final String IN_FLIGHT_FREE =
      "attribute_not_exists(PK) OR attribute_not_exists(report_id) OR #ttl <= :now";

  private final DynamoDbTable<ReportInFlightItem> inFlight;
  private final Queries queries;

  @Inject
  ComplianceReportRepository(SingleTable table, Queries queries) {
    super(table, ComplianceReportItem.SCHEMA);
    this.inFlight = table.view(ReportInFlightItem.SCHEMA);
    this.queries = queries;
  }


  /** One GetItem. The generator reads consistently: it decides on the status it reads. */
  public Optional<ComplianceReportItem> find(TenantId tenant, String reportId, boolean consistent) {
    return Optional.ofNullable(table.getItem(get -> get.key(AuditKeys.report(tenant, reportId))
        .consistentRead(consistent)));
  }

  /** The tenant's reports, newest first, optionally of one type: one Query on GSI1 or GSI2. */
  public ResultPage<ComplianceReportItem> list(TenantId tenant, Optional<ComplianceReportType> reportType,
      PageRequest page) {
    if (reportType.isPresent()) {
      String partition = AuditKeys.reportsOfType(tenant, reportType.get());
      return queries.page(table, ItemMeta.GSI2, keyEquals(partition), page, partition, true);
    }
    String partition = AuditKeys.reports(tenant);
    return queries.page(table, ItemMeta.GSI1, keyEquals(partition), page, partition, true);
  }

  /**
   * Adds to {@code tx} the claim of the tenant's report in flight for {@code reportId}, lapsing at
   * {@code lapsesAt}; the transaction fails with {@code onBusy} while another report holds it.
   */
  public void claimInFlight(WriteTransaction tx, TenantId tenant, String reportId, Instant now, Instant lapsesAt,
      Supplier<? extends RuntimeException> onBusy) {
    ReportInFlightItem claim = ReportInFlightItem.builder()
        .meta(ItemMeta.at(AuditKeys.reportInFlight(tenant), ReportInFlightItem.ENTITY)
            .withCreatedAt(Timestamps.format(now))
            .withTtl(lapsesAt.getEpochSecond()))
        .reportId(reportId)
        .build();
    tx.include(inFlight, claim, Expression.builder().expression(IN_FLIGHT_FREE)
        .expressionNames(Map.of("#ttl", "ttl"))
        .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
        .build(), onBusy);
  }

  /**
   * Adds to {@code tx} the release of the tenant's report in flight, if {@code reportId} still
   * holds it; the transaction fails with {@code onTakenOver} when its claim lapsed and another
   * report took it (that one's claim is left alone).
   */
  public void releaseInFlight(WriteTransaction tx, TenantId tenant, String reportId,
      Supplier<? extends RuntimeException> onTakenOver) {
    tx.update(AuditKeys.reportInFlight(tenant), "REMOVE report_id", Map.of(),
        Expression.builder().expression("report_id = :report")
            .expressionValues(Map.of(":report", AttributeValue.fromS(reportId))).build(),
        onTakenOver);
  }

  /**
   * Adds to {@code tx} the claim of the tenant's {@code month} of {@code reportType} for
   * {@code reportId}, so that the schedule requests one report per tenant, framework and month; a
   * second claim fails the transaction with a 409 naming {@code period_start}.
   */
  public void claimMonthly(WriteTransaction tx, TenantId tenant, ComplianceReportType reportType, YearMonth month,
      String reportId) {
    tx.claimUnique(tenant, AuditKeys.UNIQUE_MONTHLY,
        AuditKeys.monthly(reportType, month.toString()), reportId, "period_start");
  }

  /**
   * Adds to {@code tx} the move of {@code report} (read at its version) out of {@code generating}
   * to {@code status} at {@code now}: with its figures and file when {@code data} is given, with a
   * reason when {@code reason} is. The transaction fails with {@code onFinishedElsewhere} if the
   * report left {@code generating} or changed since it was read. An in-place update, so that a
   * redelivery finishing the same report cannot overwrite what another wrote.
   */
  public void finishGenerating(WriteTransaction tx, TenantId tenant, ComplianceReportItem report,
      ComplianceReportStatus status, String now, String data, String filePath, String reason,
      Supplier<? extends RuntimeException> onFinishedElsewhere) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":status", AttributeValue.fromS(status.apiName()));
    values.put(":now", AttributeValue.fromS(now));
    values.put(":version", AttributeValue.fromN(Long.toString(report.version() + 1)));
    StringBuilder update = new StringBuilder("SET #status = :status, updated_at = :now, version = :version");
    if (data != null) {
      values.put(":data", AttributeValue.fromS(data));
      values.put(":path", AttributeValue.fromS(filePath));
      update.append(", report_data = :data, file_path = :path, completed_at = :now");
    }
    if (reason != null) {
      values.put(":reason", AttributeValue.fromS(reason));
      update.append(", failure_reason = :reason");
    }
    Expression stillGenerating = Expression.builder().expression("#status = :generating AND version = :read")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(Map.of(":generating", AttributeValue.fromS(ComplianceReportStatus.GENERATING.apiName()),
            ":read", AttributeValue.fromN(Long.toString(report.version()))))
        .build();
    tx.update(AuditKeys.report(tenant, report.id()), update.toString(), values, stillGenerating,
        onFinishedElsewhere);
  }

  /** The common attributes of a new report of the tenant at {@code now} (its key; index keys by {@link #indexed}). */
  public static ItemMeta newMeta(TenantId tenant, String reportId, String now) {
    return ItemMeta.created(AuditKeys.report(tenant, reportId), ComplianceReportItem.ENTITY, now);
  }

  /** {@code report} with its index keys: both lists sort by id, which is creation order. */
  public static ComplianceReportItem indexed(TenantId tenant, ComplianceReportItem report) {
    return report.withIndex1(AuditKeys.reports(tenant), report.id())
        .withIndex2(AuditKeys.reportsOfType(tenant, report.reportType()), report.id());
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}

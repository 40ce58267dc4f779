package com.coditect.audit.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Instant;
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
    return Optional.ofNullable(table.getItem(get -> get.key(ComplianceReportKeys.report(tenant, reportId))
        .consistentRead(consistent)));
  }

  /** The tenant's reports, newest first, optionally of one type: one Query on GSI1 or GSI2. */
  public ResultPage<ComplianceReportItem> list(TenantId tenant, Optional<String> reportType, PageRequest page) {
    if (reportType.isPresent()) {
      String partition = ComplianceReportKeys.reportsOfType(tenant, reportType.get());
      return queries.page(table, TableItem.GSI2, keyEquals(partition), page, partition, true);
    }
    String partition = ComplianceReportKeys.reports(tenant);
    return queries.page(table, TableItem.GSI1, keyEquals(partition), page, partition, true);
  }

  /**
   * Adds to {@code tx} the claim of the tenant's report in flight for {@code reportId}, lapsing at
   * {@code lapsesAt}; the transaction fails with {@code onBusy} while another report holds it.
   */
  public void claimInFlight(WriteTransaction tx, TenantId tenant, String reportId, Instant now, Instant lapsesAt,
      Supplier<? extends RuntimeException> onBusy) {
    ReportInFlightItem claim = new ReportInFlightItem();
    Key key = ComplianceReportKeys.inFlight(tenant);
    claim.pk = key.partitionKeyValue().s();
    claim.sk = key.sortKeyValue().orElseThrow().s();
    claim.entityType = ReportInFlightItem.ENTITY;
    claim.createdAt = Timestamps.format(now);
    claim.reportId = reportId;
    claim.ttl = lapsesAt.getEpochSecond();
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
    tx.update(ComplianceReportKeys.inFlight(tenant), "REMOVE report_id", Map.of(),
        Expression.builder().expression("report_id = :report")
            .expressionValues(Map.of(":report", AttributeValue.fromS(reportId))).build(),
        onTakenOver);
  }

  /** Sets the index keys: both lists sort by id, which is creation order. */
  public static void index(TenantId tenant, ComplianceReportItem report) {
    report.gsi1pk = ComplianceReportKeys.reports(tenant);
    report.gsi1sk = report.id;
    report.gsi2pk = ComplianceReportKeys.reportsOfType(tenant, report.reportType);
    report.gsi2sk = report.id;
  }

  private static QueryConditional keyEquals(String partition) {
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }
}

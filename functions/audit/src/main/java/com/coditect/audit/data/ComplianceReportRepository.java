package com.coditect.audit.data;

import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads compliance reports by the access patterns of docs/access-patterns.md (AU10-AU12). */
@Singleton
public final class ComplianceReportRepository {

  private final DynamoDbTable<ComplianceReportItem> table;
  private final Queries queries;

  @Inject
  ComplianceReportRepository(SingleTable table, Queries queries) {
    this.table = table.view(ComplianceReportItem.SCHEMA);
    this.queries = queries;
  }

  public DynamoDbTable<ComplianceReportItem> table() {
    return table;
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

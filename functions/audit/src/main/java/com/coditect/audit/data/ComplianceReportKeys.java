package com.coditect.audit.data;

import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Keys of compliance reports and their monthly sentinels, built in one place (layout on ComplianceReportItem). */
public final class ComplianceReportKeys {

  /** Kind of the sentinel that lets the schedule request one report per tenant, framework and month. */
  public static final String UNIQUE_MONTHLY = "COMPLIANCE_MONTHLY";

  private ComplianceReportKeys() {}

  public static Key report(TenantId tenant, String reportId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(ComplianceReportItem.ENTITY, reportId).build())
        .sortValue(ComplianceReportItem.ENTITY).build();
  }

  /** The tenant's report in flight (one at a time per tenant; see ReportInFlightItem). */
  public static Key inFlight(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(ReportInFlightItem.ENTITY).build())
        .sortValue(ReportInFlightItem.ENTITY).build();
  }

  /** GSI1: the tenant's reports by creation. */
  public static String reports(TenantId tenant) {
    return Keys.tenant(tenant).with("COMPLIANCE_REPORTS").build();
  }

  /** GSI2: the tenant's reports of one framework by creation. */
  public static String reportsOfType(TenantId tenant, ComplianceReportType reportType) {
    return Keys.tenant(tenant).with("COMPLIANCE_REPORTS").with("TYPE", reportType.apiName()).build();
  }

  /** The sentinel's value: framework and month, e.g. {@code soc2/2026-10}. */
  public static String monthly(ComplianceReportType reportType, String yearMonth) {
    return reportType.apiName() + "/" + yearMonth;
  }

  /** Where the report's PDF lives in the documents bucket, under the tenant's prefix. */
  public static String objectKey(TenantId tenant, String reportId) {
    return "tenants/" + tenant.value() + "/audit/reports/" + reportId + ".pdf";
  }
}

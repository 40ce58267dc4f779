package com.coditect.audit.domain;

import com.coditect.audit.data.PlatformTenantRepository;
import com.coditect.shared.events.Actor;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The monthly schedule: requests last month's report of every framework for every active tenant,
 * the same way {@code POST /v1/compliance-reports} does (generated_by null: the platform). Safe to
 * fire again, or to resume after a timeout: a month already requested for a tenant is skipped.
 */
@Singleton
public final class MonthlyReports {

  private static final Log LOG = Log.forClass(MonthlyReports.class);
  private static final Actor SCHEDULE = Actor.system("compliance-schedule");

  private final PlatformTenantRepository tenants;
  private final ComplianceReportService reports;

  @Inject
  MonthlyReports(PlatformTenantRepository tenants, ComplianceReportService reports) {
    this.tenants = tenants;
    this.reports = reports;
  }

  /** What one firing did. */
  public record Result(YearMonth month, long tenants, long requested, long alreadyRequested) {}

  /** Requests the reports of the calendar month (UTC) before the one {@code firedAt} falls in. */
  public Result requestPreviousMonth(Instant firedAt) {
    YearMonth month = YearMonth.from(firedAt.atZone(ZoneOffset.UTC)).minusMonths(1);
    long[] requested = new long[2];
    long listed = tenants.forEach(tenant -> {
      if (!tenant.isActive()) {
        return;
      }
      if (reports.requestMonthly(new TenantId(tenant.id()), SCHEDULE, month)) {
        requested[0]++;
      } else {
        requested[1]++;
      }
    });
    Result result = new Result(month, listed, requested[0] * ComplianceFrameworks.TYPES.size(),
        requested[1] * ComplianceFrameworks.TYPES.size());
    LOG.info("monthly compliance reports requested", "month", month.toString(), "tenants", listed,
        "reports", result.requested(), "already_requested", result.alreadyRequested());
    return result;
  }
}

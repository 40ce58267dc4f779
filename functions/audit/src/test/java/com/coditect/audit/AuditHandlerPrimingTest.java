package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.audit.domain.AuditLogService;
import com.coditect.audit.domain.AuditReviewService;
import com.coditect.audit.domain.ComplianceReportService;
import com.coditect.audit.domain.MonthlyReports;
import com.coditect.testing.CountingLazy;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit API builds no service at init, and every service when SnapStart primes it. */
class AuditHandlerPrimingTest {

  private final CountingLazy<AuditLogService> log = new CountingLazy<>(null);
  private final CountingLazy<AuditReviewService> reviews = new CountingLazy<>(null);
  private final CountingLazy<ComplianceReportService> reports = new CountingLazy<>(null);

  @Test
  void buildsNoServiceAtInitAndEveryServiceWhenPrimed() {
    AuditHandler handler = new AuditHandler(new AuditApiComponent() {
      @Override public AuditLogRoutes auditLogRoutes() { return new AuditLogRoutes(log); }
      @Override public AuditReviewRoutes auditReviewRoutes() { return new AuditReviewRoutes(reviews, null); }
      @Override public ComplianceReportRoutes complianceReportRoutes() { return new ComplianceReportRoutes(reports, null); }
      @Override public MonthlyReports monthlyReports() { return null; }
      @Override public Clock clock() { return null; }
    });
    List<CountingLazy<?>> services = List.of(log, reviews, reports);
    services.forEach(service -> assertEquals(0, service.gets()));

    handler.priming().beforeCheckpoint(null);
    services.forEach(service -> assertEquals(1, service.gets()));
  }
}

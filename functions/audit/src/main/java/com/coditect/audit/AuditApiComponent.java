package com.coditect.audit;

import com.coditect.audit.domain.ComplianceReportGenerator;
import com.coditect.audit.domain.MonthlyReports;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.BindsInstance;
import java.time.Clock;
import dagger.Component;
import javax.inject.Singleton;

/**
 * Wiring of the audit API, built once per Lambda instance; also of the compliance report generator
 * and schedule, which run from the same jar. Unlike the ingest it never needs the pseudonym key:
 * it reads entries, it does not make them.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, AuditModule.class, ReportStorageModule.class})
public interface AuditApiComponent {

  AuditLogRoutes auditLogRoutes();

  AuditReviewRoutes auditReviewRoutes();

  ComplianceReportRoutes complianceReportRoutes();

  /** Off the request path: the generator behind compliance_report.requested. */
  ComplianceReportGenerator complianceReportGenerator();

  /** Off the request path: the monthly schedule's requests. */
  MonthlyReports monthlyReports();

  ObjectMapper mapper();

  Clock clock();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    AuditApiComponent create(@BindsInstance AppConfig config);
  }
}

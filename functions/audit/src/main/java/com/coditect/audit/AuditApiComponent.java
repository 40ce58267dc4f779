package com.coditect.audit;

import com.coditect.audit.domain.MonthlyReports;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Wiring of the audit API, built once per Lambda instance, and of the monthly report schedule.
 * Unlike the ingest it never needs the pseudonym key (it reads entries, it does not make them),
 * and unlike the report generator no S3 client: download links are signed without one.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class, S3Module.class})
public interface AuditApiComponent {

  AuditLogRoutes auditLogRoutes();

  AuditReviewRoutes auditReviewRoutes();

  ComplianceReportRoutes complianceReportRoutes();

  /** Off the request path: the monthly schedule's requests. */
  MonthlyReports monthlyReports();

  Clock clock();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    AuditApiComponent create(@BindsInstance AppConfig config);
  }
}

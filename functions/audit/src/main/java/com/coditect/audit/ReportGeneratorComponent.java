package com.coditect.audit;

import com.coditect.audit.domain.ComplianceReportGenerator;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * Wiring of the compliance report generator, built once per Lambda instance. It is the only part of
 * the audit function that stores files, so it alone has the S3 client (and its jar alone the PDF
 * and chart libraries).
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, AuditModule.class, ReportStorageModule.class})
public interface ReportGeneratorComponent {

  ComplianceReportGenerator complianceReportGenerator();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    ReportGeneratorComponent create(@BindsInstance AppConfig config);
  }
}

package com.coditect.audit;

import com.coditect.audit.domain.ComplianceReportGenerator;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * Wiring of the compliance report generator, built once per Lambda instance. It is the only part of
 * the audit function that stores files, so it alone sends S3 requests (and its jar alone has the
 * PDF library).
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class, S3Module.class})
public interface ReportGeneratorComponent {

  ComplianceReportGenerator complianceReportGenerator();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    ReportGeneratorComponent create(@BindsInstance AppConfig config);
  }
}

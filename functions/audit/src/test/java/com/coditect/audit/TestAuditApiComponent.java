package com.coditect.audit;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The production modules of the audit API (and of the report generator, which has the same) plus
 * the test's interceptors. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class, S3Module.class,
    TestInterceptorsModule.class})
public interface TestAuditApiComponent extends AuditApiComponent, ReportGeneratorComponent {

  /** The audit API handler over this wiring (the handlers' component constructors are package-private). */
  default AuditHandler handler() {
    return new AuditHandler(this);
  }

  /** The report generator's handler over this wiring, as the rule on {@code compliance_report.requested} runs it. */
  default ComplianceReportHandler reportHandler() {
    return new ComplianceReportHandler(this);
  }

  @Component.Factory
  interface Factory extends TestComponentFactory<TestAuditApiComponent> {}
}

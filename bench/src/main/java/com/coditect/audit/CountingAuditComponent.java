package com.coditect.audit;

import com.coditect.audit.domain.AuditLogWriter;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.WriteUnitMeter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import java.util.Map;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production audit API wiring plus a DynamoDB call counter, for the bench's calls per route. It
 * lives in the audit package because the handlers' component constructors are package-private.
 * The ingest and the report generator it also offers are wired as in production, uncounted: they
 * make the entries and the finished report that the measured routes read.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class,
    S3Module.class, CountingAuditComponent.CallCounting.class})
public interface CountingAuditComponent extends AuditApiComponent {

  /**
   * An audit API handler wired like production whose DynamoDB calls {@code counter} sees and whose writes
   * {@code meter} prices.
   */
  static AuditHandler handler(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    return new AuditHandler(DaggerCountingAuditComponent.factory().create(config, counter, meter));
  }

  /** The ingest, as the bus's rule runs it. */
  static AuditLogWriter ingest(AppConfig config) {
    return DaggerAuditComponent.factory().create(config, new AuditConfig(AwsTestEnvironment.secret("bench-pseudonym-key"))).auditLog();
  }

  /** Generates a requested report, as the rule on {@code compliance_report.requested} does. */
  static void generate(AppConfig config, Map<String, Object> event) {
    new ComplianceReportHandler(DaggerReportGeneratorComponent.factory().create(config)).handleRequest(event, null);
  }

  /** Builds the component from a config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    CountingAuditComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter,
        @BindsInstance WriteUnitMeter meter);
  }

  /** Adds the counter and the write-unit meter to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);

    @Binds
    @IntoSet
    ExecutionInterceptor meter(WriteUnitMeter meter);
  }
}

package com.coditect.audit;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestInterceptorsModule;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The ingest's production modules plus the test's interceptors, so tests can hold the ingest to its
 * calls, and the clock a test gives in place of {@code PlatformModule}'s UTC clock, so entries can
 * be written as if long ago.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, SecretsModule.class, AuditModule.class, TestInterceptorsModule.class})
interface TestAuditComponent extends AuditComponent {

  /** Builds the component against a test environment's configs, with the test's interceptors and clock. */
  @Component.Factory
  interface Factory {
    TestAuditComponent create(@BindsInstance AppConfig config, @BindsInstance AuditConfig audit,
        @BindsInstance TestInterceptors interceptors, @BindsInstance Clock clock);
  }
}

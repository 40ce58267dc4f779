package com.coditect.audit;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.DynamoDbCallCounter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production wiring plus a DynamoDB call counter, so tests can hold the ingest to its calls, and
 * the clock a test gives (the production one is the UTC clock), so entries can be written as if long ago.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, SecretsModule.class, AuditModule.class,
    TestAuditComponent.CallCounting.class})
interface TestAuditComponent extends AuditComponent {

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestAuditComponent create(@BindsInstance AppConfig config, @BindsInstance AuditConfig audit,
        @BindsInstance DynamoDbCallCounter counter, @BindsInstance Clock clock);
  }

  /** Adds the counter to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);
  }
}

package com.coditect.audit;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.DynamoDbCallCounter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The production wiring of the audit API plus a DynamoDB call counter. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class, S3Module.class,
    TestAuditApiComponent.CallCounting.class})
interface TestAuditApiComponent extends AuditApiComponent, ReportGeneratorComponent {

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestAuditApiComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter);
  }

  /** Adds the counter to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);
  }
}

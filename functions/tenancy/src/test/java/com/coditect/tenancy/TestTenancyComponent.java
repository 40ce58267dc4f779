package com.coditect.tenancy;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.DynamoDbCallCounter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The production wiring plus a DynamoDB call counter: the wiring is the point of these tests. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TenancyModule.class,
    TestTenancyComponent.CallCounting.class})
interface TestTenancyComponent extends TenancyComponent {

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestTenancyComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter);
  }

  /** Adds the counter to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);
  }
}

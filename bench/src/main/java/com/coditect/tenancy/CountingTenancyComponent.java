package com.coditect.tenancy;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.WriteUnitMeter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production tenancy wiring plus a DynamoDB call counter, for the bench's calls per route. It
 * lives in the tenancy package because the handler's component constructor is package-private.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TenancyModule.class,
    CountingTenancyComponent.CallCounting.class})
public interface CountingTenancyComponent extends TenancyComponent {

  /**
   * A tenancy handler wired like production whose DynamoDB calls {@code counter} sees and whose writes
   * {@code meter} prices.
   */
  static TenancyHandler handler(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    return new TenancyHandler(DaggerCountingTenancyComponent.factory().create(config, counter, meter));
  }

  /** Builds the component from a config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    CountingTenancyComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter,
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

package com.coditect.pm;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
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
 * The production PM wiring plus a DynamoDB call counter, for the bench's calls per route. It lives
 * in the pm package because the handler's component constructor is package-private. The counter
 * counts DynamoDB calls only: the attachment routes' S3 calls are not in the counts.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, PmModule.class, S3Module.class,
    CountingPmComponent.CallCounting.class})
public interface CountingPmComponent extends PmComponent {

  /**
   * A PM handler wired like production whose DynamoDB calls {@code counter} sees and whose writes
   * {@code meter} prices.
   */
  static PmHandler handler(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    return new PmHandler(DaggerCountingPmComponent.factory().create(config, counter, meter));
  }

  /** Builds the component from a config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    CountingPmComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter,
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

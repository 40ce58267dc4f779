package com.coditect.pm;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.S3CallCounter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production wiring plus DynamoDB and S3 call counters, and one more interceptor on the
 * function's clients (a write-unit meter where a test prices writes): the wiring is the point of
 * these tests.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, PmModule.class, S3Module.class,
    TestPmComponent.CallCounting.class})
interface TestPmComponent extends PmComponent {

  String EXTRA_INTERCEPTOR = "test.extra-interceptor";

  /** The S3 calls the function made, apart from its DynamoDB calls. */
  S3CallCounter s3Calls();

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestPmComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter,
        @BindsInstance @Named(EXTRA_INTERCEPTOR) ExecutionInterceptor extra);
  }

  /** Adds the counters and the extra interceptor to the function's clients; each counter counts its own service. */
  @Module
  abstract class CallCounting {
    @Binds
    @IntoSet
    abstract ExecutionInterceptor counter(DynamoDbCallCounter counter);

    @Binds
    @IntoSet
    abstract ExecutionInterceptor extra(@Named(EXTRA_INTERCEPTOR) ExecutionInterceptor extra);

    @Provides
    @Singleton
    static S3CallCounter newS3Counter() {
      return new S3CallCounter();
    }

    @Binds
    @IntoSet
    abstract ExecutionInterceptor s3Counter(S3CallCounter counter);
  }
}

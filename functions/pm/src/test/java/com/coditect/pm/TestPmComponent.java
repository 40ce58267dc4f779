package com.coditect.pm;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.AwsClientsModule;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.files.S3Objects;
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
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The production wiring plus DynamoDB and S3 call counters, and one more interceptor on the
 * DynamoDB client (a write-unit meter where a test prices writes): the wiring is the point of
 * these tests.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, PmModule.class,
    TestPmComponent.CallCounting.class, TestPmComponent.S3CallCounting.class})
interface TestPmComponent extends PmComponent {

  String EXTRA_INTERCEPTOR = "test.extra-interceptor";

  /** The S3 requests the function sent, apart from its DynamoDB calls. */
  S3CallCounter s3Calls();

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestPmComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter,
        @BindsInstance @Named(EXTRA_INTERCEPTOR) ExecutionInterceptor extra);
  }

  /** Adds the counter and the extra interceptor to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);

    @Binds
    @IntoSet
    ExecutionInterceptor extra(@Named(EXTRA_INTERCEPTOR) ExecutionInterceptor extra);
  }

  /** In place of S3ObjectsModule: S3 requests go through a counter wrapping the function's HTTP client. */
  @Module(includes = AwsClientsModule.class)
  abstract class S3CallCounting {
    @Provides
    @Singleton
    static S3CallCounter s3Counter(SdkHttpClient http) {
      return new S3CallCounter(http);
    }

    @Binds
    @Named(S3Objects.HTTP_CLIENT)
    abstract SdkHttpClient s3HttpClient(S3CallCounter counter);
  }
}

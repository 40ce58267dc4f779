package com.coditect.pm;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.testing.DynamoDbCallCounter;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The production wiring plus DynamoDB and S3 call counters: the wiring is the point of these tests. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, PmModule.class, StorageModule.class,
    TestPmComponent.CallCounting.class, TestPmComponent.S3CallCounting.class})
interface TestPmComponent extends PmComponent {

  /** The S3 calls made through the function's S3 client (the counter counts any client's operations). */
  @Named(StorageModule.S3_INTERCEPTORS)
  DynamoDbCallCounter s3Calls();

  /** Builds the component against a test environment's config, counting with {@code counter}. */
  @Component.Factory
  interface Factory {
    TestPmComponent create(@BindsInstance AppConfig config, @BindsInstance DynamoDbCallCounter counter);
  }

  /** Adds the counter to the DynamoDB client's interceptors. */
  @Module
  interface CallCounting {
    @Binds
    @IntoSet
    ExecutionInterceptor counter(DynamoDbCallCounter counter);
  }

  /** A second counter, on the S3 client only. */
  @Module
  abstract class S3CallCounting {
    @Provides
    @Singleton
    @Named(StorageModule.S3_INTERCEPTORS)
    static DynamoDbCallCounter s3Counter() {
      return new DynamoDbCallCounter();
    }

    @Binds
    @IntoSet
    @Named(StorageModule.S3_INTERCEPTORS)
    abstract ExecutionInterceptor s3Interceptor(@Named(StorageModule.S3_INTERCEPTORS) DynamoDbCallCounter counter);
  }
}

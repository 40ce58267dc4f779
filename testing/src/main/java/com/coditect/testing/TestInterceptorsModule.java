package com.coditect.testing;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The one module a test component adds to a function's production modules: the bound
 * {@link TestInterceptors} join the interceptor set every SDK client of the function is built with
 * ({@code AwsClientsModule}).
 */
@Module
public final class TestInterceptorsModule {

  private TestInterceptorsModule() {}

  @Provides
  @ElementsIntoSet
  static Set<ExecutionInterceptor> added(TestInterceptors interceptors) {
    return new LinkedHashSet<>(interceptors.list());
  }
}

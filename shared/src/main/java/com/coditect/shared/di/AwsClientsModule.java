package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What every SDK client of a function is built with, once per function instance: the light
 * URL-connection HTTP client and one credentials provider, the SDK's default chain.
 */
@Module
public abstract class AwsClientsModule {

  /** Interceptors added by tests (call counters); none in production. */
  @Multibinds
  abstract Set<ExecutionInterceptor> interceptors();

  @Provides
  @Singleton
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create();
  }

  /**
   * The SDK's default chain, always: a function restored by SnapStart gets container credentials
   * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), not
   * the access-key variables of a plain start, so any fixed provider would fail every call on AWS.
   * The chain is lazy: nothing is looked up until the first signed call, after restore. Locally and
   * in tests a container-credentials endpoint plays Lambda's part.
   */
  @Provides
  @Singleton
  static AwsCredentialsProvider credentials() {
    return DefaultCredentialsProvider.builder().build();
  }
}

package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every SDK client of a function is built: the region set explicitly, the function's one
 * credentials provider (the default chain) and URL-connection HTTP client, the interceptors tests
 * add, and moto as the endpoint where the config names one.
 */
@Singleton
public final class AwsClientSettings {

  private final AppConfig config;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final List<ExecutionInterceptor> interceptors;

  @Inject
  public AwsClientSettings(AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials,
      Set<ExecutionInterceptor> interceptors) {
    this.config = config;
    this.http = http;
    this.credentials = credentials;
    this.interceptors = List.copyOf(interceptors);
  }

  /** {@code builder} with these settings; the caller adds what is particular to its service and builds. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B applyTo(B builder) {
    builder.region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build());
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder;
  }
}

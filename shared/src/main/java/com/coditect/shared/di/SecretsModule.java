package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import java.util.List;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The Secrets Manager client behind {@code Secrets}; built on first use (a key's first read). */
@Module(includes = AwsClientsModule.class)
public final class SecretsModule {

  private SecretsModule() {}

  @Provides
  @Singleton
  static SecretsManagerClient secretsManager(AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials,
      Set<ExecutionInterceptor> interceptors) {
    var builder = SecretsManagerClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .executionInterceptors(List.copyOf(interceptors))
            .build());
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}

package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import java.util.List;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients, each built once per function instance with region, credentials and the light
 * URL-connection HTTP client set explicitly, so no provider chain or classpath scan runs at init.
 */
@Module
public abstract class AwsClientsModule {

  /** Interceptors added by tests (a DynamoDB call counter); none in production. */
  @Multibinds
  abstract Set<ExecutionInterceptor> interceptors();

  @Provides
  @Singleton
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create();
  }

  /**
   * Lambda puts the role's credentials in the environment; moto accepts any static pair, which is
   * used only when the config names an endpoint override.
   */
  @Provides
  @Singleton
  static AwsCredentialsProvider credentials(AppConfig config) {
    if (config.awsEndpoint().isPresent()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }
    return EnvironmentVariableCredentialsProvider.create();
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamoDb(
      AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials,
      Set<ExecutionInterceptor> interceptors) {
    var builder = DynamoDbClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .executionInterceptors(List.copyOf(interceptors))
            .build());
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Provides
  @Singleton
  static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }
}

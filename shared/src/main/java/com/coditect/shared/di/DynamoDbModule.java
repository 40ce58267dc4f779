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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB clients of the functions that serve requests (built once, region set explicitly). */
@Module(includes = AwsClientsModule.class)
public final class DynamoDbModule {

  private DynamoDbModule() {}

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

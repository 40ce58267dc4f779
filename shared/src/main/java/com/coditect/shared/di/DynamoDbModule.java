package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB clients of the functions that serve requests (built once, region set explicitly). */
@Module(includes = AwsClientsModule.class)
public final class DynamoDbModule {

  private DynamoDbModule() {}

  @Provides
  @Singleton
  static DynamoDbClient dynamoDb(AwsClientSettings settings) {
    return settings.applyTo(DynamoDbClient.builder()).build();
  }

  @Provides
  @Singleton
  static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
  }
}

package com.coditect.publisher;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.OutboxRedrive;
import com.coditect.shared.events.ParkedEvents;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The publisher, the redrive and the parked events they share; built with the bus and table names. */
@Module
final class OutboxModule {

  private OutboxModule() {}

  /** The DynamoDB client is built only when the first event is parked: most instances never park one. */
  @Provides
  @Singleton
  static ParkedEvents parkedEvents(Lazy<DynamoDbClient> dynamoDb, AppConfig config, Clock clock) {
    return new ParkedEvents(dynamoDb::get, config.tableName(), clock);
  }

  @Provides
  @Singleton
  static OutboxPublisher publisher(EventBridgeClient events, AppConfig config, ParkedEvents parked, Clock clock) {
    return new OutboxPublisher(events, config.eventBusName(), parked, clock);
  }

  @Provides
  @Singleton
  static OutboxRedrive redrive(EventBridgeClient events, AppConfig config, ParkedEvents parked) {
    return new OutboxRedrive(events, config.eventBusName(), parked);
  }
}

package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The EventBridge client; only the outbox publisher function includes it (it wires its publisher itself). */
@Module
public final class EventBridgeModule {

  private EventBridgeModule() {}

  @Provides
  @Singleton
  static EventBridgeClient eventBridge(AwsClientSettings settings) {
    return settings.applyTo(EventBridgeClient.builder()).build();
  }
}

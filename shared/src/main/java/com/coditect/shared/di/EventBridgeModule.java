package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The EventBridge client; only the outbox publisher function includes it (it wires its publisher itself). */
@Module
public final class EventBridgeModule {

  private EventBridgeModule() {}

  @Provides
  @Singleton
  static EventBridgeClient eventBridge(AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials) {
    var builder = EventBridgeClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http);
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}

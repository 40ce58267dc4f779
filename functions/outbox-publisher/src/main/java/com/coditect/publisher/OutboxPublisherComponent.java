package com.coditect.publisher;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.AwsClientsModule;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.EventBridgeModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.events.OutboxPublisher;
import com.coditect.shared.events.OutboxRedrive;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * Wiring of the stream publisher and the redrive of parked events: config in, an
 * {@link OutboxPublisher} and an {@link OutboxRedrive} out.
 */
@Singleton
@Component(modules = {AwsClientsModule.class, EventBridgeModule.class, DynamoDbModule.class, PlatformModule.class,
    OutboxModule.class})
public interface OutboxPublisherComponent {

  OutboxPublisher publisher();

  OutboxRedrive redrive();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    OutboxPublisherComponent create(@BindsInstance AppConfig config);
  }
}

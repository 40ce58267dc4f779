package com.coditect.publisher;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.AwsClientsModule;
import com.coditect.shared.di.EventBridgeModule;
import com.coditect.shared.events.OutboxPublisher;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the stream publisher: config in, an {@link OutboxPublisher} out. */
@Singleton
@Component(modules = {AwsClientsModule.class, EventBridgeModule.class})
public interface OutboxPublisherComponent {

  OutboxPublisher publisher();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    OutboxPublisherComponent create(@BindsInstance AppConfig config);
  }
}

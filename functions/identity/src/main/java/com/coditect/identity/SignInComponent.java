package com.coditect.identity;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.events.EventSource;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * Wiring of the sign-in trigger: the table and the outbox, no Cognito client. A component apart
 * from {@link IdentityComponent}, because the trigger is its own function with its own
 * environment (it has no user pool id: the pool refers to the function, not the other way round).
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SignInComponent.SignInModule.class})
public interface SignInComponent {

  SignInEvents signIns();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    SignInComponent create(@BindsInstance AppConfig config);
  }

  /** The source of the identity function's events. */
  @Module
  final class SignInModule {
    private SignInModule() {}

    @Provides
    static EventSource eventSource() {
      return EventSource.domain("identity");
    }
  }
}

package com.coditect.contacts;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestInterceptorsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The contacts function's production modules plus the test's interceptors: the wiring is the point
 * of these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, ContactsModule.class,
    TestInterceptorsModule.class})
public interface TestContactsComponent extends ContactsComponent {

  /** The events handler over this wiring (its component constructor is package-private). */
  default ContactsEventsHandler eventsHandler() {
    return new ContactsEventsHandler(this);
  }

  /** The contacts API handler over this wiring (the handler's component constructor is package-private). */
  default ContactsHandler handler() {
    return new ContactsHandler(this);
  }

  /** Builds the component against a test environment's config, the contacts settings and interceptors. */
  @Component.Factory
  interface Factory {
    TestContactsComponent create(@BindsInstance AppConfig config, @BindsInstance ContactsConfig contacts,
        @BindsInstance TestInterceptors interceptors);
  }
}

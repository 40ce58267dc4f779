package com.coditect.contacts;

import com.coditect.contacts.domain.OwnerCleanup;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the contacts function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, ContactsModule.class})
public interface ContactsComponent {

  AddressRoutes addressRoutes();

  PhoneNumberRoutes phoneNumberRoutes();

  EmailAddressRoutes emailAddressRoutes();

  OwnerCleanup ownerCleanup();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    ContactsComponent create(@BindsInstance AppConfig config, @BindsInstance ContactsConfig contacts);
  }
}

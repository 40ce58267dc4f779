package com.coditect.identity;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.di.AwsClientSettings;
import com.coditect.shared.di.AwsClientsModule;
import com.coditect.shared.di.DynamoDbModule;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Wiring of the identity function: config in, a {@link CognitoUserSync} out (the user pool's
 * client, and the table's, whose user items the pool mirrors).
 */
@Singleton
@Component(modules = {AwsClientsModule.class, DynamoDbModule.class, IdentityComponent.CognitoModule.class})
public interface IdentityComponent {

  CognitoUserSync sync();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    IdentityComponent create(@BindsInstance AppConfig config, @BindsInstance CognitoConfig cognito);
  }

  /** The Cognito client, built once like every client of a function (AwsClientSettings). */
  @Module
  final class CognitoModule {
    private CognitoModule() {}

    @Provides
    @Singleton
    static CognitoIdentityProviderClient cognito(AwsClientSettings settings) {
      return settings.applyTo(CognitoIdentityProviderClient.builder()).build();
    }
  }
}

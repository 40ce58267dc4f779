package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The Secrets Manager client behind {@code Secrets}; built on first use (a key's first read). */
@Module(includes = AwsClientsModule.class)
public final class SecretsModule {

  private SecretsModule() {}

  @Provides
  @Singleton
  static SecretsManagerClient secretsManager(AwsClientSettings settings) {
    return settings.applyTo(SecretsManagerClient.builder()).build();
  }
}

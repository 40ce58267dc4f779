package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/** The EventBridge Scheduler client; only the workflow functions include it. */
@Module
public final class SchedulerModule {

  private SchedulerModule() {}

  @Provides
  @Singleton
  static SchedulerClient scheduler(AwsClientSettings settings) {
    return settings.applyTo(SchedulerClient.builder()).build();
  }
}

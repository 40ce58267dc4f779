package com.coditect.pm;

import com.coditect.shared.config.PmConfig;
import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** What is particular to the PM function's wiring: the source of its events and its attachment limits. */
@Module
public final class PmModule {

  private PmModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("pm");
  }

  @Provides
  @Singleton
  static PmConfig pmConfig() {
    return PmConfig.fromEnvironment();
  }
}

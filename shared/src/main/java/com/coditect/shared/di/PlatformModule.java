package com.coditect.shared.di;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;

/** The UTC clock. */
@Module
public final class PlatformModule {

  private PlatformModule() {}

  @Provides
  static Clock clock() {
    return Clock.systemUTC();
  }
}

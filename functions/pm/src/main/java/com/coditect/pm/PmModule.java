package com.coditect.pm;

import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the PM function's wiring: the source of its events. */
@Module
public final class PmModule {

  private PmModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("pm");
  }
}

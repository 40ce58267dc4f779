package com.coditect.tenancy;

import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the tenancy function's wiring: the source of its events. */
@Module
public final class TenancyModule {

  private TenancyModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("tenancy");
  }
}

package com.coditect.billing;

import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the billing function's wiring: the source of its events. */
@Module(includes = StripeModule.class)
public final class BillingModule {

  private BillingModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("billing");
  }
}

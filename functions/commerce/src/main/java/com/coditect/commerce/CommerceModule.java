package com.coditect.commerce;

import com.coditect.billing.StripeModule;
import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the commerce function's wiring: the source of its events, and Stripe. */
@Module(includes = StripeModule.class)
public final class CommerceModule {

  private CommerceModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("commerce");
  }
}

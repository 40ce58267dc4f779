package com.coditect.audit;

import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the audit function's wiring: the source of its own events. */
@Module
public final class AuditModule {

  private AuditModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("audit");
  }
}

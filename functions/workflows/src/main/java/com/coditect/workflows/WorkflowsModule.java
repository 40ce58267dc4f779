package com.coditect.workflows;

import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;

/** What is particular to the workflow functions' wiring: the source of their events. */
@Module
public final class WorkflowsModule {

  private WorkflowsModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("workflows");
  }
}

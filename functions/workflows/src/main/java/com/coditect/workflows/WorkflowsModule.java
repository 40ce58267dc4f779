package com.coditect.workflows;

import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.events.EventSource;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** What is particular to the workflow functions' wiring: the source of their events, their schedules' settings. */
@Module
public final class WorkflowsModule {

  private WorkflowsModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("workflows");
  }

  @Provides
  @Singleton
  static WorkflowsConfig workflowsConfig() {
    return WorkflowsConfig.fromEnvironment();
  }
}

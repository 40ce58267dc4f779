package com.coditect.workflows;

import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.events.EventSource;
import com.coditect.workflows.domain.AddressGuard;
import com.coditect.workflows.domain.HttpActions;
import com.coditect.workflows.domain.Transitions;
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

  /** The engine's rules with the platform's step cap per execution. */
  @Provides
  @Singleton
  static Transitions transitions() {
    return new Transitions(Transitions.DEFAULT_STEP_CAP);
  }

  /** Outbound calls of http.post actions: public addresses only. */
  @Provides
  @Singleton
  static HttpActions httpActions() {
    return new HttpActions(new AddressGuard(false));
  }

  @Provides
  @Singleton
  static WorkflowsConfig workflowsConfig() {
    return WorkflowsConfig.fromEnvironment();
  }
}

package com.coditect.workflows;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.SchedulerModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Singleton;

/**
 * The workflow functions' production modules, as {@link TestWorkflowsComponent} wires them, but on
 * {@link #CLOCK} instead of the system clock: a test moves time between an execution's steps.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, ManualClockWorkflowsComponent.ClockModule.class, SecretsModule.class,
    WorkflowsModule.class, SchedulerModule.class, TestInterceptorsModule.class})
interface ManualClockWorkflowsComponent extends TestWorkflowsComponent {

  /** The one clock of every component of this kind (a test class that uses it owns it). */
  ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-02T00:00:00Z"));

  @Module
  final class ClockModule {
    private ClockModule() {}

    @Provides
    static Clock clock() {
      return CLOCK;
    }
  }

  @Component.Factory
  interface Factory extends TestComponentFactory<ManualClockWorkflowsComponent> {}
}

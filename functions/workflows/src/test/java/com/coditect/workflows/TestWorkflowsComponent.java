package com.coditect.workflows;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SchedulerModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import com.coditect.workflows.data.EventTriggerRepository;
import com.coditect.workflows.data.HookSecretRepository;
import com.coditect.workflows.data.WorkflowVersionRepository;
import dagger.Component;
import javax.inject.Singleton;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The workflow functions' production modules plus the test's interceptors: the wiring is the point
 * of these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, WorkflowsModule.class, SchedulerModule.class,
    TestInterceptorsModule.class})
public interface TestWorkflowsComponent extends WorkflowsComponent {

  /** The Scheduler client the workflows use (moto's), for tests that look at the schedules made. */
  SchedulerClient scheduler();

  /** The workflows API handler over this wiring (the handler's component constructor is package-private). */
  default WorkflowsHandler handler() {
    return new WorkflowsHandler(this);
  }

  /** The engine's handler over this wiring. */
  default WorkflowEventsHandler eventsHandler() {
    return new WorkflowEventsHandler(this);
  }

  /** The stored trigger settings and versions, read as the triggers part and the engine will read them. */
  HookSecretRepository hookSecrets();

  EventTriggerRepository eventTriggerRows();

  WorkflowVersionRepository workflowVersions();

  @Component.Factory
  interface Factory extends TestComponentFactory<TestWorkflowsComponent> {}
}

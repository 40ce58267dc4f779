package com.coditect.workflows;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SchedulerModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.workflows.domain.ApprovalSteps;
import com.coditect.workflows.domain.EventTriggers;
import com.coditect.workflows.domain.ScheduledTriggers;
import com.coditect.workflows.domain.TeamMembershipSync;
import com.coditect.workflows.domain.WorkflowEngine;
import com.coditect.workflows.domain.WorkflowFollowUps;
import com.coditect.workflows.domain.WorkflowStats;
import dagger.BindsInstance;
import dagger.Lazy;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the workflow functions (the API and the engine), built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, WorkflowsModule.class, SchedulerModule.class})
public interface WorkflowsComponent {

  WebhookRoutes webhookRoutes();

  EventTriggers eventTriggers();

  ScheduledTriggers scheduledTriggers();
  ApprovalRoutes approvalRoutes();

  /** Approval steps: created from step.started, expired by their timer. */
  ApprovalSteps approvalSteps();

  /** The workflows' copy of tenancy's team rosters, for approvals to teams. */
  TeamMembershipSync teamMembershipSync();
  /** Definitions and their lifecycle. */
  WorkflowRoutes workflowRoutes();

  /** Workflows' reactions to other domains' events (project.deleted). */
  WorkflowFollowUps workflowFollowUps();
  AnalysisRoutes analysisRoutes();

  WorkflowStats workflowStats();
  /** The execution routes: the manual start, the lists and the controls. */
  ExecutionRoutes executionRoutes();

  /** The engine the events handler drives. */
  WorkflowEngine workflowEngine();

  // The events handler's services, built on the first event that needs each (WorkflowEventsHandler).

  Lazy<EventTriggers> eventTriggersLazily();

  Lazy<ScheduledTriggers> scheduledTriggersLazily();

  Lazy<ApprovalSteps> approvalStepsLazily();

  Lazy<TeamMembershipSync> teamMembershipSyncLazily();

  Lazy<WorkflowFollowUps> workflowFollowUpsLazily();

  Lazy<WorkflowStats> workflowStatsLazily();

  Lazy<WorkflowEngine> workflowEngineLazily();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    WorkflowsComponent create(@BindsInstance AppConfig config);
  }
}

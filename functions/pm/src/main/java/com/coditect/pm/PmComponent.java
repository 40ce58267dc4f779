package com.coditect.pm;

import com.coditect.pm.domain.TaskFollowUps;
import com.coditect.pm.domain.WorkflowTasks;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the PM function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, PmModule.class, S3Module.class})
public interface PmComponent {

  TaskRoutes taskRoutes();

  SprintRoutes sprintRoutes();

  MilestoneRoutes milestoneRoutes();

  CommentRoutes commentRoutes();

  AttachmentRoutes attachmentRoutes();

  BoardRoutes boardRoutes();

  TaskFollowUps taskFollowUps();

  /** Tasks that workflows' action steps ask for. */
  WorkflowTasks workflowTasks();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    PmComponent create(@BindsInstance AppConfig config);
  }
}

package com.coditect.dms;

import com.coditect.dms.domain.DocumentFollowUps;
import com.coditect.dms.domain.FolderFollowUps;
import com.coditect.dms.domain.FolderGrantRefresh;
import com.coditect.dms.domain.TeamMembershipSync;
import com.coditect.dms.domain.WorkflowDocumentStatus;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the document-management function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, DmsModule.class, S3Module.class})
public interface DmsComponent {

  FolderRoutes folderRoutes();

  FolderFollowUps folderFollowUps();

  PermissionRoutes permissionRoutes();

  TeamMembershipSync teamMembershipSync();

  FolderGrantRefresh folderGrantRefresh();

  /** Document statuses that workflows' action steps set. */
  WorkflowDocumentStatus workflowDocumentStatus();

  ShareRoutes shareRoutes();

  PublicShareRoutes publicShareRoutes();

  ActivityRoutes activityRoutes();

  DocumentRoutes documentRoutes();

  VersionRoutes versionRoutes();

  /** Documents' reactions to other domains' events (project.deleted; a folder deleted for good). */
  DocumentFollowUps documentFollowUps();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    DmsComponent create(@BindsInstance AppConfig config);
  }
}

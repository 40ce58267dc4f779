package com.coditect.dms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.dms.domain.DocumentFollowUps;
import com.coditect.dms.domain.FolderFollowUps;
import com.coditect.dms.domain.FolderGrantRefresh;
import com.coditect.dms.domain.TeamMembershipSync;
import com.coditect.dms.domain.WorkflowDocumentStatus;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * DMS's reactions to events, delivered by the rules of template.yaml: a folder's subtree finished
 * after its rename, move, delete or restore, and re-derived after a grant on the folder changed
 * (DMS's own events); a deleted project's folders and documents unlinked and DMS's copy of team membership kept
 * (tenancy's). An event names what to look at; the follow-ups decide from the table. A failure
 * throws, so EventBridge retries and finally keeps the event in the function's DLQ.
 */
public final class DmsEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(DmsEventsHandler.class);

  private final FolderFollowUps folders;
  private final DocumentFollowUps documents;
  private final TeamMembershipSync memberships;
  private final FolderGrantRefresh folderGrants;
  private final WorkflowDocumentStatus workflowDocuments;

  public DmsEventsHandler() {
    this(DaggerDmsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  DmsEventsHandler(DmsComponent component) {
    this.folders = component.folderFollowUps();
    this.documents = component.documentFollowUps();
    this.memberships = component.teamMembershipSync();
    this.folderGrants = component.folderGrantRefresh();
    this.workflowDocuments = component.workflowDocumentStatus();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    JsonNode detail = event.detail();
    TenantId tenant = new TenantId(detail.path("tenant_id").asText());
    String resourceId = detail.path("resource_id").asText();
    String occurredAt = detail.path("occurred_at").asText();
    JsonNode changes = detail.path("changes");
    switch (event.source() + " " + event.detailType()) {
      case "coditect.dms folder.moved", "coditect.dms folder.updated" -> {
        String oldPath = changes.path("path").path("old").asText(null);
        if (oldPath != null) {
          LOG.info("folders below a moved or renamed folder refreshed", "refreshed",
              folders.pathChanged(tenant, resourceId, oldPath));
        }
      }
      case "coditect.dms folder.deleted" -> LOG.info("folders below a deleted folder hidden", "hidden",
          folders.deleted(tenant, resourceId));
      case "coditect.dms folder.restored" -> LOG.info("folders below a restored folder brought back", "restored",
          folders.restored(tenant, resourceId));
      case "coditect.dms permission.granted", "coditect.dms permission.revoked" -> {
        JsonNode folder = changes.path("folder_id");
        String folderId = folder.path("new").isTextual() ? folder.path("new").asText() : folder.path("old").asText(null);
        if (folderId != null) {
          LOG.info("folder grants re-derived below the folder", "rewritten", folderGrants.refresh(tenant, folderId));
        }
      }
      // A workflow's action step (its rule takes only action dms.set_document_status).
      case "coditect.workflows action.requested" -> workflowDocuments.setRequested(tenant, resourceId,
          detail.path("step_id").asText(), detail.path("request_id").asText(), detail.path("params"));
      case "coditect.tenancy project.deleted" -> {
        LOG.info("folders of a deleted project unlinked", "unlinked", folders.projectDeleted(tenant, resourceId));
        LOG.info("documents of a deleted project unlinked", "unlinked", documents.projectDeleted(tenant, resourceId));
      }
      case "coditect.tenancy team.member_added" -> LOG.info("team member added", "changed",
          memberships.memberAdded(tenant, resourceId, changes.path("member_user_id").path("new").asText(), occurredAt));
      case "coditect.tenancy team.member_removed" -> LOG.info("team member removed", "changed",
          memberships.memberRemoved(tenant, resourceId, changes.path("member_user_id").path("old").asText(),
              occurredAt));
      case "coditect.tenancy team.deleted" -> LOG.info("deleted team left its members' teams", "members",
          memberships.teamDeleted(tenant, resourceId, occurredAt));
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

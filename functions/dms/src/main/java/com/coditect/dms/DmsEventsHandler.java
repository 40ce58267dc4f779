package com.coditect.dms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.dms.domain.FolderGrantRefresh;
import com.coditect.dms.domain.TeamMembershipSync;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * DMS's reactions to events, delivered by the rules of template.yaml: tenancy's team events keep DMS's copy of team membership ({@link TeamMembershipSync}), and its own grants on
 * folders re-derive the subtree ({@link FolderGrantRefresh}). A failure throws, so EventBridge
 * retries and finally keeps the event in the function's DLQ.
 */
public final class DmsEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(DmsEventsHandler.class);

  private final TeamMembershipSync memberships;
  private final FolderGrantRefresh folderGrants;

  public DmsEventsHandler() {
    this(DaggerDmsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  DmsEventsHandler(DmsComponent component) {
    this.memberships = component.teamMembershipSync();
    this.folderGrants = component.folderGrantRefresh();
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
    switch (event.detailType()) {
      case "team.member_added" -> LOG.info("team member added", "changed", memberships.memberAdded(tenant, resourceId,
          changes.path("member_user_id").path("new").asText(), occurredAt));
      case "team.member_removed" -> LOG.info("team member removed", "changed", memberships.memberRemoved(tenant,
          resourceId, changes.path("member_user_id").path("old").asText(), occurredAt));
      case "team.deleted" -> LOG.info("deleted team left its members' teams", "members",
          memberships.teamDeleted(tenant, resourceId, occurredAt));
      case "permission.granted", "permission.revoked" -> {
        JsonNode folder = changes.path("folder_id");
        String folderId = folder.path("new").isTextual() ? folder.path("new").asText() : folder.path("old").asText(null);
        if (folderId != null) {
          LOG.info("folder grants re-derived below the folder", "rewritten", folderGrants.refresh(tenant, folderId));
        }
      }
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

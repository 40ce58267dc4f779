package com.coditect.dms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.dms.domain.FolderFollowUps;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * DMS's reactions to events, delivered by the rules of template.yaml: a folder's subtree finished
 * after its rename, move, delete or restore (DMS's own events), and a deleted project's folders
 * unlinked (tenancy's). An event names what to look at; the follow-ups decide from the table. A
 * failure throws, so EventBridge retries and finally keeps the event in the function's DLQ.
 */
public final class DmsEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(DmsEventsHandler.class);

  private final FolderFollowUps folders;

  public DmsEventsHandler() {
    this(DaggerDmsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  DmsEventsHandler(DmsComponent component) {
    this.folders = component.folderFollowUps();
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
      case "coditect.tenancy project.deleted" -> LOG.info("folders of a deleted project unlinked", "unlinked",
          folders.projectDeleted(tenant, resourceId));
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

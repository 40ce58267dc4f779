package com.coditect.tenancy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.domain.MembershipCleanup;
import com.coditect.tenancy.domain.StorageUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Tenancy's reactions to events, delivered by the rules of template.yaml: a deleted user leaves
 * every team (the user's item decides; the event only names the user), and the document
 * function's {@code storage.changed} sets the tenant's {@code storage_used_bytes} unless a newer
 * report is already stored. A failure throws,
 * so EventBridge retries and finally keeps the event in the function's DLQ.
 */
public final class TenancyEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(TenancyEventsHandler.class);

  private final MembershipCleanup memberships;
  private final StorageUsage storage;

  public TenancyEventsHandler() {
    this(DaggerTenancyComponent.factory().create(AppConfig.fromEnvironment()));
  }

  TenancyEventsHandler(TenancyComponent component) {
    this.memberships = component.membershipCleanup();
    this.storage = component.storageUsage();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    if ("user.deleted".equals(event.detailType())) {
      JsonNode detail = event.detail();
      int removed = memberships.removeMembershipsOf(new TenantId(detail.path("tenant_id").asText()),
          detail.path("resource_id").asText());
      LOG.info("memberships of a deleted user removed", "removed", removed);
    } else if ("storage.changed".equals(event.detailType())) {
      JsonNode detail = event.detail();
      JsonNode bytes = detail.path("storage_used_bytes");
      JsonNode sequence = detail.path("sequence");
      if (!bytes.canConvertToExactIntegral() || !sequence.canConvertToExactIntegral()) {
        // Retrying cannot mend a malformed report; keep it visible in the log instead.
        LOG.warn("storage report without storage_used_bytes and sequence ignored");
        return;
      }
      boolean stored = storage.reported(new TenantId(detail.path("tenant_id").asText()), bytes.asLong(),
          sequence.asLong());
      LOG.info("storage use reported", "stored", stored);
    }
  }
}

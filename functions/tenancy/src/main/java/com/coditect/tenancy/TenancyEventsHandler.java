package com.coditect.tenancy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.domain.MembershipCleanup;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Tenancy's reactions to its own events, delivered by a rule of template.yaml: a deleted user
 * leaves every team (the user's item decides; the event only names the user). A failure throws,
 * so EventBridge retries and finally keeps the event in the function's DLQ.
 */
public final class TenancyEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(TenancyEventsHandler.class);

  private final MembershipCleanup memberships;

  public TenancyEventsHandler() {
    this(DaggerTenancyComponent.factory().create(AppConfig.fromEnvironment()));
  }

  TenancyEventsHandler(TenancyComponent component) {
    this.memberships = component.membershipCleanup();
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
    }
  }
}

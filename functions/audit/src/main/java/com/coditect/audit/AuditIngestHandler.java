package com.coditect.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.audit.domain.AuditLogWriter;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Turns every domain event on the bus into exactly one audit entry (template.yaml's rule sends all
 * of them). A failure throws, so EventBridge retries and finally keeps the event in the rule's DLQ;
 * a redelivered event is recognised by its id and writes nothing.
 */
public final class AuditIngestHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(AuditIngestHandler.class);

  private final AuditLogWriter auditLog;

  public AuditIngestHandler() {
    this(DaggerAuditComponent.factory().create(AppConfig.fromEnvironment(), AuditConfig.fromEnvironment()));
  }

  AuditIngestHandler(AuditComponent component) {
    this.auditLog = component.auditLog();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    JsonNode detail = event.detail();
    if (!detail.hasNonNull("tenant_id") || !detail.hasNonNull("event_id") || !detail.hasNonNull("action")) {
      LOG.info("event without tenant, id or action ignored", "detail_type", event.detailType());
      return;
    }
    boolean recorded = auditLog.record(detail, event.source());
    LOG.info(recorded ? "audit entry written" : "event already audited", "action", detail.path("action").asText());
  }
}

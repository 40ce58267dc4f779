package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.json.JsonTrees;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.domain.EventTriggers;
import com.coditect.workflows.domain.ScheduledTriggers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * The workflow engine's Lambda: every event a rule of template.yaml brings back (an execution's
 * transitions, timers that fired, platform events that may trigger a workflow, step events the
 * analysis counts). An event names what to look at; the engine decides from the table, and a
 * transition is written conditionally on the execution's version, so a duplicate or late event
 * changes nothing. A failure throws, so EventBridge retries and finally keeps the event in the
 * function's DLQ.
 */
public final class WorkflowEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(WorkflowEventsHandler.class);

  private final EventTriggers eventTriggers;
  private final ScheduledTriggers scheduledTriggers;

  public WorkflowEventsHandler() {
    this(DaggerWorkflowsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  WorkflowEventsHandler(WorkflowsComponent component) {
    this.eventTriggers = component.eventTriggers();
    this.scheduledTriggers = component.scheduledTriggers();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    // The envelope's own id and time name a schedule's firing (its detail names only the workflow).
    JsonNode delivered = JsonTrees.of(envelope);
    BusEvent.consume(envelope, event -> handle(event, delivered));
    return null;
  }

  private void handle(BusEvent event, JsonNode envelope) {
    JsonNode detail = event.detail();
    switch (event.source() + " " + event.detailType()) {
      case WorkflowSchedules.SOURCE + " " + ScheduledTriggers.DETAIL_TYPE -> scheduledTriggers.fired(
          new TenantId(detail.path("tenant_id").asText()), detail.path("workflow_id").asText(),
          envelope.path("id").asText(), firedAt(envelope));
      default -> {
        // Platform events reach here through the event-trigger rule only (the engine's own are cased above).
        if (event.source().startsWith("coditect.") && !event.source().equals(EventTriggers.OWN_SOURCE)) {
          LOG.info("platform event matched against event triggers", "detail_type", event.detailType(),
              "requested", eventTriggers.onPlatformEvent(envelope));
        } else {
          LOG.info("event ignored", "detail_type", event.detailType());
        }
      }
    }
  }

  private static Instant firedAt(JsonNode envelope) {
    String time = envelope.path("time").asText(null);
    return time == null ? Instant.now() : Timestamps.parse(time);
  }
}

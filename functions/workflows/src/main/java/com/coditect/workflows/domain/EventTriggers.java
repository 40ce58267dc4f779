package com.coditect.workflows.domain;

import com.coditect.shared.events.Actor;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.EventTriggerItem;
import com.coditect.workflows.data.TriggerReads;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Event triggers: a platform event asks for an execution of each of its own tenant's workflows
 * whose pattern it matches (one Query of the tenant's trigger rows, then one transaction per
 * match). The execution id is derived from the event id and the workflow, so a redelivered event
 * asks for nothing more.
 *
 * <p>No loop: the workflows' own events ({@code coditect.workflows}) never trigger, and neither
 * does a change the workflows made themselves, i.e. one whose actor is {@code system:workflows...}
 * (what an action step's consumer records, e.g. PM's task created for an action). A workflow that
 * creates a task therefore never starts on its own {@code task.created}, nor sets off a chain of
 * workflows starting each other. The rule in template.yaml drops both before this runs; this class
 * checks again, as a rule is configuration.
 */
@Singleton
public final class EventTriggers {

  /** The source of the workflows' own events. */
  public static final String OWN_SOURCE = "coditect.workflows";
  /** The actor prefix of every change the workflows make themselves ({@code Actor.system("workflows...")}). */
  public static final String WORKFLOW_ACTOR_PREFIX = "system:workflows";
  private static final Actor ACTOR = Actor.system("workflows/event-trigger");
  private static final Log LOG = Log.forClass(EventTriggers.class);

  private final TriggerReads reads;
  private final TriggerRequestWriter writer;

  @Inject
  EventTriggers(TriggerReads reads, TriggerRequestWriter writer) {
    this.reads = reads;
    this.writer = writer;
  }

  /** Handles one delivered platform event (the EventBridge envelope); returns how many executions it asked for. */
  public int onPlatformEvent(JsonNode envelope) {
    JsonNode detail = envelope.path("detail");
    String tenantId = detail.path("tenant_id").asText(null);
    String eventId = detail.path("event_id").asText(null);
    if (tenantId == null || eventId == null || !startsWorkflows(envelope)) {
      return 0;
    }
    TenantId tenant = new TenantId(tenantId);
    List<EventTriggerItem> rows = reads.eventTriggers(tenant);
    if (rows.isEmpty()) {
      return 0;
    }
    EventTriggerMatcher matcher = new EventTriggerMatcher(rows.stream()
        .map(row -> new EventTriggerMatcher.Trigger(row.workflowId(), row.pattern())).toList());
    Instant occurredAt = occurredAt(detail);
    JsonNode triggerData = triggerData(envelope);
    int requested = 0;
    for (String workflowId : matcher.matches(envelope.toString())) {
      String executionId = ExecutionIds.derived(eventId, workflowId, occurredAt);
      if (writer.requestOnce(tenant, ACTOR, executionId, workflowId, TriggerType.EVENT,
          JsonNodeFactory.instance.objectNode(), triggerData)) {
        requested++;
        LOG.info("event trigger matched", "workflow_id", workflowId, "execution_id", executionId);
      } else {
        LOG.info("event trigger already asked for this event", "workflow_id", workflowId);
      }
    }
    return requested;
  }

  /** Whether the event may start workflows at all: not the workflows' own, not caused by a workflow. */
  static boolean startsWorkflows(JsonNode envelope) {
    String source = envelope.path("source").asText("");
    String actor = envelope.path("detail").path("actor").path("user_id").asText("");
    return source.startsWith("coditect.") && !source.equals(OWN_SOURCE) && !actor.startsWith(WORKFLOW_ACTOR_PREFIX);
  }

  private static Instant occurredAt(JsonNode detail) {
    String at = detail.path("occurred_at").asText(null);
    return at == null ? Instant.EPOCH : Timestamps.parse(at);
  }

  /**
   * What the execution sees as {@code trigger}: the event as delivered ({@code source},
   * {@code detail-type}, {@code detail}). An event's changes are slimmed by the outbox, so it is
   * small; one beyond the execution's limit keeps only its envelope fields.
   */
  private static JsonNode triggerData(JsonNode envelope) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("source", envelope.path("source").asText());
    data.put("detail-type", envelope.path("detail-type").asText());
    data.set("detail", envelope.path("detail").deepCopy());
    if (JsonText.write(data).getBytes(StandardCharsets.UTF_8).length > ExecutionRequests.MAX_DATA_BYTES) {
      ObjectNode slim = JsonNodeFactory.instance.objectNode();
      for (String field : List.of("event_id", "tenant_id", "action", "resource_type", "resource_id", "occurred_at")) {
        slim.set(field, envelope.path("detail").path(field).deepCopy());
      }
      data.set("detail", slim);
      data.put("truncated", true);
    }
    return data;
  }
}

package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.json.JsonTrees;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.domain.ApprovalSteps;
import com.coditect.workflows.domain.EventTriggers;
import com.coditect.workflows.domain.ScheduledTriggers;
import com.coditect.workflows.domain.TeamMembershipSync;
import com.coditect.workflows.domain.WorkflowEngine;
import com.coditect.workflows.domain.WorkflowFollowUps;
import com.coditect.workflows.domain.WorkflowStats;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dagger.Lazy;
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

  // Lazy: each event needs one or two of these, and building them all would load every part's
  // classes (JSONata, Event Ruler, HdrHistogram...) into a cold start that uses few of them.
  private final Lazy<EventTriggers> eventTriggers;
  private final Lazy<ScheduledTriggers> scheduledTriggers;
  private final Lazy<ApprovalSteps> approvals;
  private final Lazy<TeamMembershipSync> memberships;
  private final Lazy<WorkflowFollowUps> followUps;
  private final Lazy<WorkflowStats> stats;
  private final Lazy<WorkflowEngine> engine;

  public WorkflowEventsHandler() {
    this(DaggerWorkflowsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  WorkflowEventsHandler(WorkflowsComponent component) {
    this.eventTriggers = component.eventTriggersLazily();
    this.scheduledTriggers = component.scheduledTriggersLazily();
    this.approvals = component.approvalStepsLazily();
    this.memberships = component.teamMembershipSyncLazily();
    this.followUps = component.workflowFollowUpsLazily();
    this.stats = component.workflowStatsLazily();
    this.engine = component.workflowEngineLazily();
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
    TenantId tenant = new TenantId(detail.path("tenant_id").asText());
    String resourceId = detail.path("resource_id").asText();
    String occurredAt = detail.path("occurred_at").asText();
    JsonNode changes = detail.path("changes");
    switch (event.source() + " " + event.detailType()) {
      case WorkflowSchedules.SOURCE + " " + ScheduledTriggers.DETAIL_TYPE -> scheduledTriggers.get().fired(
          tenant, detail.path("workflow_id").asText(), envelope.path("id").asText(), firedAt(envelope));
      // A trigger asked for an execution (webhook, event, schedule): the engine starts it once.
      case "coditect.workflows execution.requested" -> engine.get().executionRequested(tenant, resourceId,
          detail.path("workflow_id").asText(),
          Choice.fromApiName(TriggerType.class, detail.path("trigger_type").asText()).orElse(TriggerType.EVENT),
          detail.path("context_data").isObject() ? detail.path("context_data") : JsonNodeFactory.instance.objectNode(),
          detail.path("trigger_data"));
      // A step started: the engine runs it (rule EngineEvents); an approval step's approvals are
      // made (rule ApprovalStepStarted, approval nodes only). An approval's step.started matches
      // both rules, and each delivery does both: both are idempotent.
      case "coditect.workflows step.started" -> {
        engine.get().stepStarted(tenant, resourceId, detail.path("step_id").asText());
        if ("approval".equals(detail.path("node_type").asText())) {
          LOG.info("approval step started", "created", approvals.get().started(tenant, detail));
        }
      }
      // Whatever finishes a waiting step: approvals (coditect.workflows), an action's consumer (PM, DMS).
      case "coditect.workflows step.resolved", "coditect.pm step.resolved", "coditect.dms step.resolved" ->
          engine.get().stepResolved(tenant, resourceId, detail.path("step_id").asText(),
              Choice.fromApiName(EdgeOutcome.class, detail.path("outcome").asText()).orElse(EdgeOutcome.ERROR),
              detail.path("output"),
              detail.path("error_message").isTextual() ? detail.path("error_message").asText() : null,
              detail.path("request_id").isTextual() ? detail.path("request_id").asText() : null);
      // Timers: an approval's expiry is the approvals part's; wait, retry and action_timeout the engine's.
      case WorkflowSchedules.SOURCE + " timer.fired" -> {
        if (ApprovalSteps.EXPIRY_PURPOSE.equals(detail.path("purpose").asText())) {
          LOG.info("approval step expiry",
              "expired", approvals.get().expire(tenant, detail.path("execution_id").asText(),
              detail.path("step_id").asText()));
        } else {
          engine.get().timerFired(tenant, detail.path("execution_id").asText(), detail.path("step_id").asText(),
              detail.path("purpose").asText());
        }
      }
      // The analysis aggregates (rule AnalysisEvents): counted once per event id.
      case "coditect.workflows step.completed", "coditect.workflows step.failed",
          "coditect.workflows execution.started", "coditect.workflows approval.approved",
          "coditect.workflows approval.rejected", "coditect.workflows approval.expired" -> count(tenant, event);
      // An execution ended: its pending approval steps close (rule ApprovalsOfEndedExecution), and
      // the analysis counts it (rule AnalysisEvents); each delivery does both, both idempotent.
      case "coditect.workflows execution.completed", "coditect.workflows execution.failed",
          "coditect.workflows execution.cancelled" -> {
        LOG.info("approval steps of an ended execution closed",
            "closed", approvals.get().executionEnded(tenant, resourceId));
        count(tenant, event);
      }
      case "coditect.tenancy team.member_added" -> {
        LOG.info("team member added", "changed",
            memberships.get().memberAdded(tenant, resourceId, changes.path("member_user_id").path("new").asText(),
                occurredAt));
        startTriggered(event, envelope);
      }
      case "coditect.tenancy team.member_removed" -> {
        LOG.info("team member removed", "changed", memberships.get().memberRemoved(tenant, resourceId,
            changes.path("member_user_id").path("old").asText(), occurredAt));
        startTriggered(event, envelope);
      }
      case "coditect.tenancy team.deleted" -> {
        LOG.info("team deleted", "changed", memberships.get().teamDeleted(tenant, resourceId, occurredAt));
        startTriggered(event, envelope);
      }
      case "coditect.tenancy project.deleted" -> {
        LOG.info("workflows of a deleted project unlinked",
            "unlinked", followUps.get().projectDeleted(tenant, resourceId));
        startTriggered(event, envelope);
      }
      default -> startTriggered(event, envelope);
    }
  }

  private void count(TenantId tenant, BusEvent event) {
    LOG.info("analysis counted", "counted", stats.get().count(tenant, event.detailType(), event.detail()));
  }

  /**
   * Starts the workflows whose event trigger matches a platform event. EventBridge delivers an
   * event once per rule it matches and says not which rule, so an event this function also
   * reacts to otherwise (a team event) arrives twice and each delivery does all of its work: both
   * reactions are idempotent (an execution's id derives from the event's id and the workflow's).
   */
  private void startTriggered(BusEvent event, JsonNode envelope) {
    if (event.source().startsWith("coditect.") && !event.source().equals(EventTriggers.OWN_SOURCE)) {
      LOG.info("platform event matched against event triggers", "detail_type", event.detailType(),
          "requested", eventTriggers.get().onPlatformEvent(envelope));
    } else {
      LOG.info("event ignored", "detail_type", event.detailType());
    }
  }

  private static Instant firedAt(JsonNode envelope) {
    String time = envelope.path("time").asText(null);
    return time == null ? Instant.now() : Timestamps.parse(time);
  }
}

package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.domain.ApprovalSteps;
import com.coditect.workflows.domain.TeamMembershipSync;
import com.fasterxml.jackson.databind.JsonNode;
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

  private final ApprovalSteps approvals;
  private final TeamMembershipSync memberships;

  public WorkflowEventsHandler() {
    this(DaggerWorkflowsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  WorkflowEventsHandler(WorkflowsComponent component) {
    this.approvals = component.approvalSteps();
    this.memberships = component.teamMembershipSync();
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
      // The approvals part's own rule brings only approval nodes' step.started (pattern on node_type).
      case "coditect.workflows step.started" -> {
        if ("approval".equals(detail.path("node_type").asText())) {
          LOG.info("approval step started", "created", approvals.started(tenant, detail));
        }
      }
      // Timers of every purpose come here; the engine part handles wait, retry and action_timeout.
      case WorkflowSchedules.SOURCE + " timer.fired" -> {
        if (ApprovalSteps.EXPIRY_PURPOSE.equals(detail.path("purpose").asText())) {
          LOG.info("approval step expiry", "expired", approvals.expire(tenant, detail.path("execution_id").asText(),
              detail.path("step_id").asText()));
        } else {
          LOG.info("timer ignored", "purpose", detail.path("purpose").asText());
        }
      }
      case "coditect.workflows execution.completed", "coditect.workflows execution.failed",
          "coditect.workflows execution.cancelled" -> LOG.info("approval steps of an ended execution closed",
          "closed", approvals.executionEnded(tenant, resourceId));
      case "coditect.tenancy team.member_added" -> LOG.info("team member added", "changed",
          memberships.memberAdded(tenant, resourceId, changes.path("member_user_id").path("new").asText(), occurredAt));
      case "coditect.tenancy team.member_removed" -> LOG.info("team member removed", "changed",
          memberships.memberRemoved(tenant, resourceId, changes.path("member_user_id").path("old").asText(),
              occurredAt));
      case "coditect.tenancy team.deleted" -> LOG.info("team deleted", "changed",
          memberships.teamDeleted(tenant, resourceId, occurredAt));
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

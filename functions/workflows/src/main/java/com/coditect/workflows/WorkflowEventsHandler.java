package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.domain.WorkflowStats;
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

  public WorkflowEventsHandler() {
    this(DaggerWorkflowsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  private final WorkflowStats stats;

  WorkflowEventsHandler(WorkflowsComponent component) {
    this.stats = component.workflowStats();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    switch (event.source() + " " + event.detailType()) {
      // The analysis aggregates (rule AnalysisEvents): counted once per event id.
      case "coditect.workflows step.completed", "coditect.workflows step.failed",
          "coditect.workflows execution.started", "coditect.workflows execution.completed",
          "coditect.workflows execution.failed", "coditect.workflows execution.cancelled",
          "coditect.workflows approval.approved", "coditect.workflows approval.rejected",
          "coditect.workflows approval.expired" -> LOG.info("analysis counted", "counted",
          stats.count(new TenantId(event.detail().path("tenant_id").asText()), event.detailType(), event.detail()));
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

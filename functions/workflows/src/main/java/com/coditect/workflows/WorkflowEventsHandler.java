package com.coditect.workflows;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.domain.WorkflowEngine;
import com.coditect.workflows.model.EdgeOutcome;
import com.coditect.workflows.model.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

  private final WorkflowEngine engine;

  WorkflowEventsHandler(WorkflowsComponent component) {
    this.engine = component.workflowEngine();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, this::handle);
    return null;
  }

  private void handle(BusEvent event) {
    JsonNode detail = event.detail();
    TenantId tenant = new TenantId(detail.path("tenant_id").asText());
    String executionId = detail.path("resource_id").asText();
    switch (event.source() + " " + event.detailType()) {
      case "coditect.workflows execution.requested" -> engine.executionRequested(tenant, executionId,
          detail.path("workflow_id").asText(),
          Choice.fromApiName(TriggerType.class, detail.path("trigger_type").asText()).orElse(TriggerType.EVENT),
          detail.path("context_data").isObject() ? detail.path("context_data") : JsonNodeFactory.instance.objectNode(),
          detail.path("trigger_data"));
      case "coditect.workflows step.started" -> engine.stepStarted(tenant, executionId, detail.path("step_id").asText());
      // Whatever finishes a waiting step: approvals (coditect.workflows), an action's consumer (PM, DMS).
      case "coditect.workflows step.resolved", "coditect.pm step.resolved", "coditect.dms step.resolved" -> engine.stepResolved(tenant, executionId,
          detail.path("step_id").asText(),
          Choice.fromApiName(EdgeOutcome.class, detail.path("outcome").asText()).orElse(EdgeOutcome.ERROR),
          detail.path("output"), detail.path("error_message").isTextual() ? detail.path("error_message").asText() : null,
          detail.path("request_id").isTextual() ? detail.path("request_id").asText() : null);
      case WorkflowSchedules.SOURCE + " timer.fired" -> engine.timerFired(tenant, detail.path("execution_id").asText(),
          detail.path("step_id").asText(), detail.path("purpose").asText());
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

package com.coditect.pm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.pm.domain.TaskFollowUps;
import com.coditect.pm.domain.WorkflowTasks;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * PM's reactions to events, delivered by the rules of template.yaml: sprint completion,
 * cancellation and deletion, milestone deletion and a task moved under another parent (its own),
 * and a deleted user (tenancy's). An event names what to look at; {@link TaskFollowUps} decides
 * from the table. A failure throws, so EventBridge retries and finally keeps the event in the
 * function's DLQ.
 */
public final class PmEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(PmEventsHandler.class);

  private final TaskFollowUps followUps;
  private final WorkflowTasks workflowTasks;

  public PmEventsHandler() {
    this(DaggerPmComponent.factory().create(AppConfig.fromEnvironment()));
  }

  PmEventsHandler(PmComponent component) {
    this.followUps = component.taskFollowUps();
    this.workflowTasks = component.workflowTasks();
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
    switch (event.detailType()) {
      case "sprint.completed" -> LOG.info("open tasks of a completed sprint moved", "moved",
          followUps.sprintCompleted(tenant, resourceId,
              changes.path("move_open_tasks_to_sprint_id").path("new").asText(null)));
      // The SprintCancelled rule delivers a sprint.updated whose status became cancelled; the
      // sprint as it is now decides all the same.
      case "sprint.deleted", "sprint.updated" -> LOG.info("tasks of a deleted or cancelled sprint moved to the backlog",
          "moved", followUps.sprintClosed(tenant, resourceId));
      case "milestone.deleted" -> LOG.info("tasks of a deleted milestone detached", "detached",
          followUps.milestoneDeleted(tenant, resourceId));
      case "user.deleted" -> LOG.info("tasks of a deleted user unassigned", "unassigned",
          followUps.userDeleted(tenant, resourceId));
      case "task.updated" -> {
        if (changes.has("parent_task_id")) {
          LOG.info("subtask paths refreshed", "refreshed", followUps.taskReparented(tenant, resourceId));
        }
      }
      // A workflow's action step (its rule takes only action pm.create_task).
      case "action.requested" -> workflowTasks.createRequested(tenant, resourceId, detail.path("step_id").asText(),
          detail.path("request_id").asText(), detail.path("params"),
          detail.path("requested_by").isTextual() ? detail.path("requested_by").asText() : null);
      default -> LOG.info("event ignored", "detail_type", event.detailType());
    }
  }
}

package com.coditect.pm.domain;

import com.coditect.pm.api.CreateTaskRequest;
import com.coditect.shared.error.ApiException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A workflow's {@code pm.create_task} action: the task created in the tenant through
 * {@link TaskService}, with the request's id as its id (exactly once), and the answer to the
 * workflow, {@code step.resolved} with the task's id, in the same transaction. A request the task
 * rules refuse (no such project, a bad field) is answered with outcome {@code error} and the reason,
 * so the workflow's error edge or retry decides what follows.
 */
@Singleton
public final class WorkflowTasks {

  private static final Log LOG = Log.forClass(WorkflowTasks.class);
  // "system:workflows/...": the workflows' event-trigger rule takes no change a workflow made, so
  // a workflow whose action creates what triggers it never starts itself again.
  private static final Actor WORKFLOWS = Actor.system("workflows/action");
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final TaskService tasks;
  private final Outbox outbox;
  private final Transactions transactions;

  @Inject
  WorkflowTasks(TaskService tasks, Outbox outbox, Transactions transactions) {
    this.tasks = tasks;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  /**
   * Handles one {@code action.requested}: {@code params} hold {@code project_id}, the task's fields
   * as {@code POST .../tasks} takes them, and optionally {@code reporter_id} (default: the user who
   * started the workflow, {@code requested_by}).
   */
  public void createRequested(TenantId tenant, String executionId, String stepId, String requestId, JsonNode params,
      String requestedBy) {
    if (!UUID.matcher(requestId).matches()) {
      LOG.warn("action.requested without a usable request id: ignored", "step_id", stepId);
      return;
    }
    String projectId = params.path("project_id").asText("");
    String reporter = params.path("reporter_id").isTextual() ? params.path("reporter_id").asText() : requestedBy;
    if (!UUID.matcher(projectId).matches()) {
      answer(tenant, executionId, stepId, requestId, "params.project_id must be the id of a project.");
      return;
    }
    if (reporter == null || !UUID.matcher(reporter).matches()) {
      answer(tenant, executionId, stepId, requestId,
          "params.reporter_id is required when the workflow was not started by a user.");
      return;
    }
    ObjectNode fields = params.deepCopy();
    fields.remove("project_id");
    fields.remove("reporter_id");
    try {
      CreateTaskRequest request = CreateTaskRequest.from(fields);
      tasks.createRequested(tenant, WORKFLOWS, reporter, requestId, projectId, request, TaskExists::new,
          (task, tx) -> record(tx, tenant, executionId, stepId, requestId, task.id(), null));
      LOG.info("task created for a workflow step", "step_id", stepId, "task_id", requestId);
    } catch (TaskExists again) {
      LOG.info("task of this request exists already: nothing to do", "step_id", stepId, "task_id", requestId);
    } catch (ApiException refused) {
      StringBuilder reason = new StringBuilder(refused.detail());
      refused.errors().forEach(error -> reason.append(" ").append(error.field()).append(": ").append(error.message()).append("."));
      answer(tenant, executionId, stepId, requestId, reason.toString());
    }
  }

  private void answer(TenantId tenant, String executionId, String stepId, String requestId, String error) {
    WriteTransaction tx = transactions.begin();
    record(tx, tenant, executionId, stepId, requestId, null, error);
    tx.commit();
  }

  private void record(WriteTransaction tx, TenantId tenant, String executionId, String stepId, String requestId,
      String taskId, String error) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("step_id", stepId);
    // Beyond the contract's fields: which request (so which attempt) this answers.
    extra.put("request_id", requestId);
    extra.put("outcome", error == null ? "success" : "error");
    extra.put("output", taskId == null ? NullNode.instance : JsonNodeFactory.instance.objectNode().put("task_id", taskId));
    extra.put("error_message", error);
    outbox.recordWithDetail(tx, tenant, WORKFLOWS, "step.resolved", "execution", executionId, Map.of(), extra);
  }

  /** The request's task exists: this request was handled before. */
  private static final class TaskExists extends RuntimeException {
    TaskExists() {
      super("task exists", null, false, false);
    }
  }
}

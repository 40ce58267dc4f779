package com.coditect.workflows;

import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.workflows.data.ExecutionItem;
import com.coditect.workflows.data.StepItem;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.data.WorkflowVersionItem;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.NodeType;
import com.coditect.workflows.model.StepStatus;
import com.coditect.workflows.model.TriggerType;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What the analysis tests need from the other parts of the workflows function, made here as they
 * make it: workflows, executions and steps written as items (the definitions part and the engine
 * write them), and the engine's and approvals' events built exactly as common.md's table gives them
 * and delivered to the events handler as the bus delivers them.
 */
final class AnalysisFixtures {

  static final String DEFINITION = """
      {"nodes": [
        {"id": "start", "type": "start", "name": "Start", "config": {}},
        {"id": "approve", "type": "approval", "name": "Manager approval",
         "config": {"approvers": {"user_ids": ["01a23c95-a8c4-7a18-a69e-1e2a908cc324"]}, "quorum": 1}},
        {"id": "create", "type": "action", "name": "Create follow-up task",
         "config": {"action": "pm.create_task", "params": {}}},
        {"id": "notify", "type": "notification", "name": "Tell the requester", "config": {"message": "failed"}},
        {"id": "end", "type": "end", "name": "Done", "config": {}}],
       "edges": [
        {"from": "start", "to": "approve"},
        {"from": "approve", "to": "create"},
        {"from": "create", "to": "end"},
        {"from": "create", "to": "notify", "on": "error"},
        {"from": "notify", "to": "end"}]}
      """;

  private final WorkflowsApi api;

  AnalysisFixtures(WorkflowsApi api) {
    this.api = api;
  }

  /** An active workflow of the tenant at {@code version}, with {@link #DEFINITION}. */
  String workflow(String tenantId, long version) {
    String id = Ids.newId();
    TenantId tenant = new TenantId(tenantId);
    Key key = Key.builder().partitionValue(WorkflowKeys.workflowsPartition(tenant))
        .sortValue(WorkflowKeys.workflowSort(id)).build();
    put(WorkflowItem.SCHEMA, WorkflowItem.builder().meta(ItemMeta.created(key, WorkflowItem.ENTITY, now()))
        .id(id).name("Purchase approval").workflowType(WorkflowType.APPROVAL).status(WorkflowStatus.ACTIVE)
        .definition(DEFINITION).triggers("[{\"type\": \"manual\"}]").workflowVersion(version)
        .publishedAt(now()).build());
    return id;
  }

  /** A frozen version of the workflow with {@code definition}, as publishing writes it. */
  void version(String tenantId, String workflowId, long version, String definition) {
    Key key = Key.builder().partitionValue(WorkflowKeys.workflowPartition(new TenantId(tenantId), workflowId))
        .sortValue(WorkflowKeys.versionSort(version)).build();
    put(WorkflowVersionItem.SCHEMA, WorkflowVersionItem.builder()
        .meta(ItemMeta.created(key, WorkflowVersionItem.ENTITY, now())).workflowId(workflowId)
        .workflowVersion(version).definition(definition).triggers("[]").publishedAt(now()).build());
  }

  /** An execution of the workflow at {@code version}, with steps at the given nodes in these statuses. */
  String execution(String tenantId, String workflowId, long version, ExecutionStatus status, String currentStep,
      List<Map.Entry<String, StepStatus>> steps) {
    String id = Ids.newId();
    TenantId tenant = new TenantId(tenantId);
    String partition = WorkflowKeys.executionPartition(tenant, id);
    put(ExecutionItem.SCHEMA, ExecutionItem.builder()
        .meta(ItemMeta.created(Key.builder().partitionValue(partition).sortValue(WorkflowKeys.executionSort()).build(),
            ExecutionItem.ENTITY, now()))
        .id(id).workflowId(workflowId).workflowVersion(version).triggerType(TriggerType.MANUAL).status(status)
        .currentStep(currentStep).startedAt(now()).contextData("{}").build());
    for (Map.Entry<String, StepStatus> step : steps) {
      String stepId = Ids.newId();
      put(StepItem.SCHEMA, StepItem.builder()
          .meta(ItemMeta.created(Key.builder().partitionValue(partition).sortValue(WorkflowKeys.stepSort(stepId)).build(),
              StepItem.ENTITY, now()))
          .id(stepId).executionId(id).stepId(step.getKey()).stepName(step.getKey())
          .stepType(NodeType.ACTION).status(step.getValue()).inputData("{}").outputData("{}").build());
    }
    return id;
  }

  private <T> void put(TableSchema<T> schema, T item) {
    api.env.dynamoDb().putItem(b -> b.tableName(api.env.tableName()).item(schema.itemToMap(item, true)));
  }

  private static String now() {
    return Timestamps.format(Instant.now());
  }

  // ---- events, as the engine and the approvals part emit them ----

  /** The envelope of one event of the engine's or approvals' table. */
  static Map<String, Object> envelope(String detailType, ObjectNode detail) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("version", "0");
    envelope.put("id", Ids.newId());
    envelope.put("source", "coditect.workflows");
    envelope.put("detail-type", detailType);
    envelope.put("detail", WorkflowsApi.MAPPER.convertValue(detail, Map.class));
    return envelope;
  }

  /** The usual envelope fields of a detail (Outbox.recordWithDetail). */
  private static ObjectNode detail(String tenantId, String action, String resourceType, String resourceId,
      Instant at) {
    ObjectNode detail = WorkflowsApi.MAPPER.createObjectNode();
    detail.put("event_id", Ids.newId()).put("tenant_id", tenantId).put("source", "coditect.workflows");
    detail.putObject("actor").putNull("user_id").putNull("ip").putNull("user_agent");
    detail.putObject("request").putNull("method").putNull("path");
    detail.put("action", action).put("resource_type", resourceType).put("resource_id", resourceId);
    detail.putObject("changes");
    detail.put("occurred_at", Timestamps.format(at));
    return detail;
  }

  /** {@code step.completed} or {@code step.failed}: created, started, completed at these instants. */
  static ObjectNode step(String tenantId, String workflowId, long version, String executionId, String nodeId,
      String nodeType, int attempt, Instant created, Instant started, Instant completed, String outcome,
      boolean willRetry) {
    String action = outcome.equals("success") ? "step.completed" : "step.failed";
    ObjectNode detail = detail(tenantId, action, "execution", executionId, completed);
    detail.put("workflow_id", workflowId).put("workflow_version", version).put("step_id", Ids.newId())
        .put("node_id", nodeId).put("node_type", nodeType).put("node_name", nodeId).put("attempt", attempt)
        .put("created_at", Timestamps.format(created)).put("started_at", Timestamps.format(started))
        .putNull("requested_by").put("completed_at", Timestamps.format(completed)).put("outcome", outcome)
        .put("will_retry", willRetry);
    if (outcome.equals("success")) {
      detail.putNull("error_message");
    } else {
      detail.put("error_message", "the task could not be created");
    }
    return detail;
  }

  /** {@code execution.<status>}: started at {@code started}, ended at {@code ended} (null: running). */
  static ObjectNode execution(String tenantId, String workflowId, long version, String executionId, String status,
      Instant started, Instant ended) {
    ObjectNode detail = detail(tenantId, "execution." + statusEvent(status), "execution", executionId,
        ended == null ? started : ended);
    detail.put("workflow_id", workflowId).put("workflow_version", version).put("trigger_type", "manual")
        .put("status", status).put("started_at", Timestamps.format(started));
    if (ended == null) {
      detail.putNull("completed_at");
    } else {
      detail.put("completed_at", Timestamps.format(ended));
    }
    detail.put("error_message", status.equals("failed") ? "create failed" : null);
    return detail;
  }

  private static String statusEvent(String status) {
    return status.equals("running") ? "started" : status;
  }

  /** {@code approval.<decision>}: requested at {@code created}, decided (or expired) at {@code decided}. */
  static ObjectNode approval(String tenantId, String workflowId, long version, String executionId,
      String approverId, String decision, Instant created, Instant decided) {
    ObjectNode detail = detail(tenantId, "approval." + decision, "approval", Ids.newId(), decided);
    detail.put("workflow_id", workflowId).put("workflow_version", version).put("execution_id", executionId)
        .put("step_id", Ids.newId()).put("node_id", "approve").put("approver_id", approverId)
        .put("created_at", Timestamps.format(created)).put("decided_at", Timestamps.format(decided));
    return detail;
  }

  /** Delivers the event to the engine's handler, as the rule does. */
  void deliver(ObjectNode detail) {
    api.component.eventsHandler().handleRequest(envelope(detail.path("action").asText(), detail), null);
  }

  // ---- the routes ----

  HandlerResponse analysis(Map<String, String> claims, String workflowId, String... query) {
    return get("GET /v1/workflows/{workflow_id}/analysis", claims, workflowId, query);
  }

  HandlerResponse diagram(Map<String, String> claims, String workflowId, String... query) {
    return get("GET /v1/workflows/{workflow_id}/diagram", claims, workflowId, query);
  }

  private HandlerResponse get(String route, Map<String, String> claims, String workflowId, String... query) {
    var request = HttpEvents.route(route).claims(claims == null ? Map.of() : claims)
        .pathParam("workflow_id", workflowId);
    for (int i = 0; i < query.length; i += 2) {
      request.query(query[i], query[i + 1]);
    }
    return api.call(request.build());
  }
}

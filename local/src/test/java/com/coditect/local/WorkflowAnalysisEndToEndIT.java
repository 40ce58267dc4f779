package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The workflow analysis kept by events, end to end: the engine's and approvals' events (written as
 * their transactions write them, outbox items in the table) go through the table's stream to the
 * bus, the template's rule AnalysisEvents delivers them to the workflow events function, and the
 * gateway's analysis and diagram routes show them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowAnalysisEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(30);
  private static final String DEFINITION = "{\"nodes\": [{\"id\": \"start\", \"type\": \"start\", \"name\": \"Start\"},"
      + " {\"id\": \"create\", \"type\": \"action\", \"name\": \"Create task\"},"
      + " {\"id\": \"end\", \"type\": \"end\", \"name\": \"Done\"}],"
      + " \"edges\": [{\"from\": \"start\", \"to\": \"create\"}, {\"from\": \"create\", \"to\": \"end\"}]}";

  private LocalApiHarness harness;
  private Tenant acme;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Analysis");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("WorkflowEventsFunctionAnalysisEvents")
  void theEnginesEventsOnTheBusKeepTheAnalysisAndColourTheDiagram() {
    String workflow = seedWorkflow();
    String execution = Ids.newId();
    Instant started = Instant.now().minusSeconds(60);
    outbox("execution.started", executionDetail(workflow, execution, "running", started, null));
    outbox("step.failed", stepDetail(workflow, execution, started, started.plusMillis(40), started.plusMillis(1040),
        "error", true));
    outbox("step.completed", stepDetail(workflow, execution, started, started.plusMillis(3000),
        started.plusMillis(3500), "success", false));
    outbox("approval.approved", approvalDetail(workflow, execution, started, started.plusSeconds(30)));
    outbox("execution.completed", executionDetail(workflow, execution, "completed", started, started.plusSeconds(40)));

    String path = "/v1/workflows/" + workflow + "/analysis";
    LocalApiHarness.eventually("the analysis counts the five events", EVENTUALLY, () -> {
      JsonNode analysis = harness.get(path, acme.ownerToken()).expect(200).json();
      return analysis.path("executions").path("completed").asInt() == 1 && analysis.path("approvers").size() == 1
          && analysis.path("steps").size() == 1 && analysis.path("steps").get(0).path("count").asInt() == 1
          && analysis.path("steps").get(0).path("retries").asInt() == 1
          && analysis.path("executions").path("started").asInt() == 1;
    });
    JsonNode analysis = harness.get(path, acme.ownerToken()).expect(200).json();
    JsonNode create = analysis.path("steps").get(0);
    assertEquals("create", create.path("node_id").asText());
    assertEquals("Create task", create.path("node_name").asText());
    assertEquals(0.0, create.path("failure_rate").asDouble());
    assertEquals(1.0, create.path("retry_rate").asDouble());
    assertEquals(40_000, analysis.path("executions").path("time_to_complete_ms").path("p50").asLong(), 400);
    assertEquals("create", analysis.path("bottleneck").path("node_id").asText());

    LocalApiHarness.Response svg = harness.get("/v1/workflows/" + workflow + "/diagram", acme.ownerToken())
        .expect(200);
    assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
    assertTrue(svg.body().contains("data-node-id=\"create\" data-fill=\"#bd0026\""), svg.body());
    LocalApiHarness.Response mermaid = harness.get("/v1/workflows/" + workflow + "/diagram?format=mermaid",
        acme.ownerToken()).expect(200);
    assertTrue(mermaid.body().startsWith("flowchart TD"), mermaid.body());
  }

  // ---------------------------------------------------------------------------------------------

  /** An active workflow, written as the definitions part writes it. */
  private String seedWorkflow() {
    String id = Ids.newId();
    Key key = Key.builder().partitionValue(WorkflowKeys.workflowsPartition(new TenantId(acme.id())))
        .sortValue(WorkflowKeys.workflowSort(id)).build();
    String now = Timestamps.format(Instant.now());
    WorkflowItem workflow = WorkflowItem.builder().meta(ItemMeta.created(key, WorkflowItem.ENTITY, now)).id(id)
        .name("Follow-ups").workflowType(WorkflowType.AUTOMATION).status(WorkflowStatus.ACTIVE).definition(DEFINITION)
        .triggers("[]").workflowVersion(1L).publishedAt(now).build();
    harness.dynamoDb().putItem(r -> r.tableName(harness.settings().tableName())
        .item(WorkflowItem.SCHEMA.itemToMap(workflow, true)));
    return id;
  }

  /** An event as Outbox.recordWithDetail writes it in the engine's or approvals' transaction. */
  private void outbox(String detailType, ObjectNode detail) {
    String eventId = Ids.newId();
    detail.put("event_id", eventId).put("tenant_id", acme.id()).put("source", "coditect.workflows")
        .put("action", detailType).put("occurred_at", Timestamps.format(Instant.now()));
    detail.putObject("actor").putNull("user_id").putNull("ip").putNull("user_agent");
    detail.putObject("request").putNull("method").putNull("path");
    detail.putObject("changes");
    harness.dynamoDb().putItem(r -> r.tableName(harness.settings().tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + acme.id() + "#OUTBOX#" + eventId),
        "SK", AttributeValue.fromS("OUTBOX"),
        "entity_type", AttributeValue.fromS("OUTBOX"),
        "event_id", AttributeValue.fromS(eventId),
        "source", AttributeValue.fromS("coditect.workflows"),
        "detail_type", AttributeValue.fromS(detailType),
        "detail", AttributeValue.fromS(detail.toString()),
        "created_at", AttributeValue.fromS(Instant.now().toString()),
        "ttl", AttributeValue.fromN(String.valueOf(Instant.now().plus(Duration.ofDays(1)).getEpochSecond())))));
  }

  private ObjectNode executionDetail(String workflow, String execution, String status, Instant started, Instant ended) {
    ObjectNode detail = LocalApiHarness.JSON.createObjectNode().put("resource_type", "execution")
        .put("resource_id", execution).put("workflow_id", workflow).put("workflow_version", 1)
        .put("trigger_type", "manual").put("status", status).put("started_at", Timestamps.format(started))
        .put("completed_at", ended == null ? null : Timestamps.format(ended));
    return detail.putNull("error_message");
  }

  private ObjectNode stepDetail(String workflow, String execution, Instant created, Instant started, Instant ended,
      String outcome, boolean willRetry) {
    return LocalApiHarness.JSON.createObjectNode().put("resource_type", "execution").put("resource_id", execution)
        .put("workflow_id", workflow).put("workflow_version", 1).put("step_id", Ids.newId()).put("node_id", "create")
        .put("node_type", "action").put("node_name", "Create task").put("attempt", willRetry ? 1 : 2)
        .put("created_at", Timestamps.format(created)).put("started_at", Timestamps.format(started))
        .putNull("requested_by").put("completed_at", Timestamps.format(ended)).put("outcome", outcome)
        .put("will_retry", willRetry).put("error_message", willRetry ? "PM did not answer" : null);
  }

  private ObjectNode approvalDetail(String workflow, String execution, Instant created, Instant decided) {
    return LocalApiHarness.JSON.createObjectNode().put("resource_type", "approval").put("resource_id", Ids.newId())
        .put("workflow_id", workflow).put("workflow_version", 1).put("execution_id", execution)
        .put("step_id", Ids.newId()).put("node_id", "approve").put("approver_id", acme.ownerId())
        .put("created_at", Timestamps.format(created)).put("decided_at", Timestamps.format(decided));
  }
}

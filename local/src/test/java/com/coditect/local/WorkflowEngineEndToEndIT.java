package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.DocumentItem;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.OutboxItem;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.data.WorkflowVersionItem;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * The workflow engine end to end: an execution started over HTTP through the gateway advances one
 * step per event, each event reaching the engine (and PM) through the template's own rules, matched
 * by the local runtime. The workflow is seeded as the definitions part stores a published one. The
 * wait step's timer is fired by writing its {@code timer.fired} as an outbox event, which the local
 * runtime publishes and routes like any other: the local EventBridge Scheduler emulation belongs to
 * the triggers part and is not on this branch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowEngineEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  private static final String FLOW = "{'nodes': [{'id': 'start', 'type': 'start', 'name': 'Start'},"
      + "{'id': 'check', 'type': 'condition', 'name': 'Big amount?'},"
      + "{'id': 'create', 'type': 'action', 'name': 'Follow-up task', 'config': {'action': 'pm.create_task',"
      + " 'params': {'project_id': '=context.project_id', 'title': '=\\'Follow up \\' & $string(context.amount)',"
      + " 'priority': 'high'}, 'retry': {'max_attempts': 2, 'backoff': 'PT1S'}}},"
      + "{'id': 'hold', 'type': 'wait', 'name': 'Cool down', 'config': {'duration': 'PT1S'}},"
      + "{'id': 'end', 'type': 'end', 'name': 'End'}],"
      + "'edges': [{'from': 'start', 'to': 'check'}, {'from': 'check', 'to': 'create', 'condition': 'context.amount > 100'},"
      + "{'from': 'check', 'to': 'end'}, {'from': 'create', 'to': 'hold'}, {'from': 'hold', 'to': 'end'}]}";

  private LocalApiHarness harness;
  private Tenant acme;
  private String owner;
  private String project;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Workflows");
    owner = acme.ownerToken();
    project = harness.create("/v1/projects", owner, "{\"key\":\"WFE\",\"name\":\"Workflow engine\"}");
    // The template's WorkflowScheduleGroup, which the engine makes its timers in.
    try (SchedulerClient scheduler = SchedulerClient.builder().region(Region.of(LocalApiHarness.REGION))
        .endpointOverride(harness.moto()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      scheduler.createScheduleGroup(b -> b.name(WorkflowsConfig.fromEnvironment().scheduleGroup()));
    } catch (ConflictException exists) {
      // another test made it on this moto server
    }
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules({"WorkflowEventsFunctionEngineEvents", "PmEventsFunctionWorkflowTaskRequested",
      "WorkflowEventsFunctionActionResolved", "WorkflowEventsFunctionTimerFired"})
  void anExecutionRunsConditionTaskActionAndWaitToItsEnd() {
    String workflow = seedWorkflow(FLOW);
    String execution = harness.post("/v1/workflows/" + workflow + "/executions", owner,
        "{\"context_data\": {\"amount\": 500, \"project_id\": \"" + project + "\"}}").expect(201).text("id");

    LocalApiHarness.eventually("the action made its task and the wait started", EVENTUALLY,
        () -> "running".equals(step(execution, "hold").path("status").asText()));
    JsonNode create = step(execution, "create");
    assertEquals("completed", create.path("status").asText());
    String task = create.path("output_data").path("task_id").asText();
    JsonNode made = harness.get("/v1/tasks/" + task, owner).expect(200).json();
    assertEquals("Follow up 500", made.path("title").asText());
    assertEquals("high", made.path("priority").asText());
    assertEquals(acme.ownerId(), made.path("reporter_id").asText());

    fireTimer(execution, step(execution, "hold").path("id").asText(), "wait");
    LocalApiHarness.eventually("the execution completed", EVENTUALLY,
        () -> "completed".equals(harness.get("/v1/executions/" + execution, owner).expect(200).text("status")));
    JsonNode done = harness.get("/v1/executions/" + execution, owner).expect(200).json();
    assertEquals(5, done.path("steps").size());
    done.path("steps").forEach(step -> assertEquals("completed", step.path("status").asText(), step.toString()));
    assertTrue(harness.deliveries("WorkflowEventsFunctionEngineEvents") >= 5);
  }

  private static final String ARCHIVE = "{'nodes': [{'id': 'start', 'type': 'start'},"
      + "{'id': 'archive', 'type': 'action', 'config': {'action': 'dms.set_document_status',"
      + " 'params': {'document_id': '=context.document', 'status': 'archived'}}}, {'id': 'end', 'type': 'end'}],"
      + "'edges': [{'from': 'start', 'to': 'archive'}, {'from': 'archive', 'to': 'end'}]}";

  @Test
  @ExercisesRules({"WorkflowEventsFunctionEngineEvents", "DmsEventsFunctionWorkflowDocumentStatusRequested",
      "WorkflowEventsFunctionActionResolved"})
  void anActionArchivesADocumentThroughDms() {
    TenantId tenant = new TenantId(acme.id());
    String document = Ids.newId();
    DocumentItem item = DocumentItem.builder()
        .meta(ItemMeta.created(DmsKeys.document(tenant, document), DocumentItem.ENTITY, Instant.now().toString()))
        .id(document).title("Retired policy").currentVersion(1L).status(DocumentStatus.PUBLISHED)
        .ownerId(acme.ownerId()).createdBy(acme.ownerId()).tags(List.of()).metadata("{}").grants(List.of()).build();
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(DocumentItem.SCHEMA.itemToMap(item, true)));

    String execution = harness.post("/v1/workflows/" + seedWorkflow(ARCHIVE) + "/executions", owner,
        "{\"context_data\": {\"document\": \"" + document + "\"}}").expect(201).text("id");
    LocalApiHarness.eventually("the execution completed", EVENTUALLY,
        () -> "completed".equals(harness.get("/v1/executions/" + execution, owner).expect(200).text("status")));
    assertEquals("archived", step(execution, "archive").path("output_data").path("status").asText());
    assertEquals("archived", harness.get("/v1/documents/" + document, owner).expect(200).text("status"));
  }

  private JsonNode step(String execution, String node) {
    for (JsonNode step : harness.get("/v1/executions/" + execution, owner).expect(200).json().path("steps")) {
      if (step.path("step_id").asText().equals(node)) {
        return step;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The timer's event as EventBridge Scheduler puts it, entering through the table's stream as an outbox event. */
  private void fireTimer(String execution, String stepId, String purpose) {
    String eventId = Ids.newId();
    String detail = "{\"tenant_id\": \"" + acme.id() + "\", \"execution_id\": \"" + execution + "\", \"step_id\": \""
        + stepId + "\", \"purpose\": \"" + purpose + "\", \"due_at\": \"" + Instant.now() + "\"}";
    OutboxItem item = OutboxItem.builder()
        .meta(ItemMeta.at(Key.builder().partitionValue("T#" + acme.id() + "#OUTBOX#" + eventId).sortValue("OUTBOX").build(),
            OutboxItem.ENTITY).withCreatedAt(Instant.now().toString()).withTtl(Instant.now().getEpochSecond() + 3600))
        .eventId(eventId).source(WorkflowSchedules.SOURCE).detailType("timer.fired").detail(detail)
        .build();
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(OutboxItem.SCHEMA.itemToMap(item, true)));
  }

  private String seedWorkflow(String definition) {
    String json = definition.replace('\'', '"');
    TenantId tenant = new TenantId(acme.id());
    String id = Ids.newId();
    String now = Instant.now().toString();
    WorkflowItem item = WorkflowItem.builder()
        .meta(ItemMeta.created(Key.builder().partitionValue(WorkflowKeys.workflowsPartition(tenant))
            .sortValue(WorkflowKeys.workflowSort(id)).build(), WorkflowItem.ENTITY, now))
        .id(id).name("Engine flow").workflowType(WorkflowType.AUTOMATION).status(WorkflowStatus.ACTIVE)
        .definition(json).triggers("[{\"type\": \"manual\"}]").workflowVersion(1L).publishedAt(now).build();
    WorkflowVersionItem version = WorkflowVersionItem.builder()
        .meta(ItemMeta.at(Key.builder().partitionValue(WorkflowKeys.workflowPartition(tenant, id))
            .sortValue(WorkflowKeys.versionSort(1)).build(), WorkflowVersionItem.ENTITY))
        .workflowId(id).workflowVersion(1L).definition(json).triggers("[{\"type\": \"manual\"}]").publishedAt(now).build();
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(WorkflowItem.SCHEMA.itemToMap(item, true)));
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName())
        .item(WorkflowVersionItem.SCHEMA.itemToMap(version, true)));
    return id;
  }
}

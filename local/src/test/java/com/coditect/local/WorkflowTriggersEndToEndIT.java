package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.config.WorkflowsConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.EventTriggerItem;
import com.coditect.workflows.data.HookLookupItem;
import com.coditect.workflows.data.HookSecretItem;
import com.coditect.workflows.data.WorkflowItem;
import com.coditect.workflows.data.WorkflowKeys;
import com.coditect.workflows.data.WorkflowSchedules;
import com.coditect.workflows.domain.WebhookSignature;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The workflows' triggers through the local runtime: an urgent task created through the API asks
 * for an execution of the tenant's workflow with that event trigger (the template's
 * PlatformEventTriggers rule), a scheduled trigger's schedule made in moto as the workflows make it
 * fires through the local EventBridge Scheduler and the ScheduleFired rule, a signed webhook through
 * the gateway, and {@code GET /local/messages} showing the workflows' notifications. Workflows and
 * their trigger rows are written as the definitions part writes them on publish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowTriggersEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);
  private static final String URGENT_TASK_CREATED =
      "{\"detail-type\":[\"task.created\"],\"detail\":{\"changes\":{\"priority\":{\"new\":[\"urgent\"]}}}}";
  private static final String NOW = "2026-12-03T21:00:00.000Z";

  private LocalApiHarness harness;
  private Tenant acme;
  private String project;
  private SchedulerClient scheduler;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Triggers");
    project = harness.create("/v1/projects", acme.ownerToken(), "{\"key\":\"WT\",\"name\":\"Triggers\"}");
    scheduler = SchedulerClient.builder().endpointOverride(harness.moto()).region(Region.of(LocalApiHarness.REGION))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  void stop() {
    if (scheduler != null) {
      scheduler.close();
    }
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("WorkflowEventsFunctionPlatformEventTriggers")
  void anUrgentTaskCreatedThroughTheApiAsksForAnExecutionOfTheWorkflowItTriggers() {
    Tenant other = harness.createTenant("Other Triggers");
    String urgent = workflow(acme.id(), "[{\"type\":\"event\",\"pattern\":" + URGENT_TASK_CREATED + "}]");
    eventTrigger(acme.id(), urgent, URGENT_TASK_CREATED);
    String othersUrgent = workflow(other.id(), "[{\"type\":\"event\",\"pattern\":" + URGENT_TASK_CREATED + "}]");
    eventTrigger(other.id(), othersUrgent, URGENT_TASK_CREATED);

    harness.create("/v1/projects/" + project + "/tasks", acme.ownerToken(), "{\"title\":\"Routine\",\"priority\":\"low\"}");
    String task = harness.create("/v1/projects/" + project + "/tasks", acme.ownerToken(),
        "{\"title\":\"Servers on fire\",\"priority\":\"urgent\"}");

    LocalApiHarness.eventually("the urgent task asked for an execution", EVENTUALLY,
        () -> !requested(urgent).isEmpty());
    JsonNode request = requested(urgent).get(0);
    assertEquals("event", request.path("trigger_type").asText());
    assertEquals(task, request.path("trigger_data").path("detail").path("resource_id").asText());
    // The low task came first: had it matched, its request would be here by now.
    assertEquals(1, requested(urgent).size());
    assertEquals(List.of(), requested(othersUrgent), "another tenant's workflow never starts");
  }

  @Test
  @ExercisesRules("WorkflowEventsFunctionScheduleFired")
  void aScheduledTriggersScheduleFiresThroughTheLocalSchedulerAndAsksForAnExecution() {
    String workflow = workflow(acme.id(), "[{\"type\":\"scheduled\",\"expression\":\"rate(1 minute)\"}]");
    WorkflowSchedules schedules = new WorkflowSchedules(scheduler, WorkflowsConfig.fromMap(Map.of()));
    ObjectNode detail = LocalApiHarness.JSON.createObjectNode().put("tenant_id", acme.id()).put("workflow_id", workflow);
    String name = "s-" + workflow + "-0";
    schedules.recurring(name, "rate(1 minute)", "schedule.fired", detail);
    try {
      Instant created = scheduler.getSchedule(b -> b.groupName("coditect-workflows").name(name)).creationDate();
      // A minute is long for a test: the emulation is asked for the time the next firing is due.
      assertTrue(harness.api().scheduler().poll(created.plusSeconds(60)).contains(name));
      LocalApiHarness.eventually("the firing asked for an execution", EVENTUALLY, () -> !requested(workflow).isEmpty());
      assertEquals("scheduled", requested(workflow).get(0).path("trigger_type").asText());
    } finally {
      schedules.delete(name);
    }

    // A one-time schedule due now is fired by the running emulation on its own, within about a second.
    String soon = workflow(acme.id(), "[{\"type\":\"scheduled\",\"expression\":\"rate(1 day)\"}]");
    ObjectNode soonDetail = LocalApiHarness.JSON.createObjectNode().put("tenant_id", acme.id()).put("workflow_id", soon);
    schedules.oneTime("s-" + soon + "-once", Instant.now(), "schedule.fired", soonDetail);
    LocalApiHarness.eventually("the one-time schedule fired on its own", EVENTUALLY, () -> !requested(soon).isEmpty());
  }

  @Test
  void aSignedWebhookThroughTheGatewayIsAcceptedAndAnUnsignedOneRefused() {
    String workflow = workflow(acme.id(), "[{\"type\":\"webhook\"}]");
    put(HookLookupItem.SCHEMA, HookLookupItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.hookLookup(workflow), HookLookupItem.ENTITY).withCreatedAt(NOW))
        .tenantId(acme.id()).workflowId(workflow).build());
    put(HookSecretItem.SCHEMA, HookSecretItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.hookSecret(new TenantId(acme.id()), workflow), HookSecretItem.ENTITY,
            NOW))
        .workflowId(workflow).secret("whsec_local").build());
    String body = "{\"order_id\":\"A-7\"}";
    long ts = Instant.now().getEpochSecond();
    LocalApiHarness.Response accepted = harness.request("POST", "/v1/hooks/workflows/" + workflow)
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
        .header(WebhookSignature.SIGNATURE_HEADER,
            WebhookSignature.sign("whsec_local", ts, body.getBytes(StandardCharsets.UTF_8)))
        .body(body).send().expect(202);
    assertEquals(accepted.text("execution_id"), requested(workflow).get(0).path("resource_id").asText());
    harness.request("POST", "/v1/hooks/workflows/" + workflow).body(body).send().expect(401);
  }

  @Test
  void theWorkflowsNotificationsAreListedAsInAppMessagesNewestFirst() {
    notificationRequested(acme.id(), List.of("u-1", "u-2"), "Please approve the purchase");
    LocalApiHarness.eventually("the notification was seen on the bus", EVENTUALLY, () -> inAppMessages().size() >= 2);
    notificationRequested(acme.id(), List.of("u-3"), "Approved");
    LocalApiHarness.eventually("the second notification was seen", EVENTUALLY, () -> inAppMessages().size() >= 3);
    List<JsonNode> items = inAppMessages();
    assertEquals("u-3", items.get(0).path("to").asText());
    assertEquals("Approved", items.get(0).path("body").asText());
    assertEquals(List.of("u-2", "u-1"), List.of(items.get(1).path("to").asText(), items.get(2).path("to").asText()));
    assertEquals("Please approve the purchase", items.get(2).path("body").asText());
    assertTrue(items.get(2).path("sent_at").asText().startsWith("20"));
  }

  /**
   * /local/messages' in-app messages, in its order. Only those: it also lists every e-mail and SMS
   * moto sent, and the moto a test run shares holds those of the tests before this one.
   */
  private List<JsonNode> inAppMessages() {
    List<JsonNode> inApp = new ArrayList<>();
    for (JsonNode item : harness.get("/local/messages", null).expect(200).json().path("items")) {
      if ("in_app".equals(item.path("channel").asText())) {
        inApp.add(item);
      }
    }
    return inApp;
  }

  // ---------------------------------------------------------------------------------------------

  private String workflow(String tenantId, String triggers) {
    String id = Ids.newId();
    put(WorkflowItem.SCHEMA, WorkflowItem.builder()
        .meta(ItemMeta.created(WorkflowKeys.workflow(new TenantId(tenantId), id), WorkflowItem.ENTITY, NOW))
        .id(id).name("Triggered").workflowType(WorkflowType.AUTOMATION).status(WorkflowStatus.ACTIVE)
        .definition("{\"nodes\":[],\"edges\":[]}").triggers(triggers).workflowVersion(1L).build());
    return id;
  }

  private void eventTrigger(String tenantId, String workflowId, String pattern) {
    put(EventTriggerItem.SCHEMA, EventTriggerItem.builder()
        .meta(ItemMeta.at(WorkflowKeys.eventTrigger(new TenantId(tenantId), workflowId), EventTriggerItem.ENTITY)
            .withCreatedAt(NOW))
        .workflowId(workflowId).workflowVersion(1L).pattern(pattern).build());
  }

  /** An engine's notification event, written to the outbox as the engine records it. */
  private void notificationRequested(String tenantId, List<String> userIds, String message) {
    String eventId = Ids.newId();
    ObjectNode detail = LocalApiHarness.JSON.createObjectNode().put("event_id", eventId).put("tenant_id", tenantId)
        .put("source", "coditect.workflows").put("action", "notification.requested")
        .put("resource_type", "execution").put("resource_id", Ids.newId())
        .put("occurred_at", Instant.now().toString()).put("channel", "in_app").put("message", message);
    userIds.forEach(detail.putArray("user_ids")::add);
    detail.putObject("actor").put("user_id", "system:workflows");
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + tenantId + "#OUTBOX#" + eventId), "SK", AttributeValue.fromS("OUTBOX"),
        "entity_type", AttributeValue.fromS("OUTBOX"), "event_id", AttributeValue.fromS(eventId),
        "source", AttributeValue.fromS("coditect.workflows"),
        "detail_type", AttributeValue.fromS("notification.requested"),
        "detail", AttributeValue.fromS(detail.toString()))));
  }

  /** The {@code execution.requested} events recorded for a workflow. */
  private List<JsonNode> requested(String workflowId) {
    List<JsonNode> found = new ArrayList<>();
    harness.dynamoDb().scanPaginator(b -> b.tableName(harness.settings().tableName())
            .filterExpression("entity_type = :outbox AND detail_type = :action")
            .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS("OUTBOX"),
                ":action", AttributeValue.fromS("execution.requested"))))
        .items().forEach(item -> {
          try {
            JsonNode detail = LocalApiHarness.JSON.readTree(item.get("detail").s());
            if (detail.path("workflow_id").asText().equals(workflowId)) {
              found.add(detail);
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    return found;
  }

  private <T> void put(TableSchema<T> schema, T item) {
    harness.dynamoDb().putItem(b -> b.tableName(harness.settings().tableName()).item(schema.itemToMap(item, true)));
  }
}

package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.Ids;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.domain.ExecutionIds;
import com.coditect.workflows.model.WorkflowStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine's handler on moto, given events as EventBridge delivers them: a platform event asks
 * for an execution of each of its own tenant's workflows whose pattern it matches, once however
 * often it is delivered, never for the workflows' own events or a change a workflow made; a
 * scheduled trigger's firing asks for one of an active workflow only. The rules that bring these
 * events are tested end to end in local/ (WorkflowTriggersEndToEndIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriggerEventsIT {

  private static final String URGENT_TASK_CREATED =
      "{\"detail-type\":[\"task.created\"],\"detail\":{\"changes\":{\"priority\":{\"new\":[\"urgent\"]}}}}";

  private WorkflowsApi api;
  private TriggerSeeds seeds;
  private WorkflowEventsHandler handler;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("trigger-events");
    seeds = new TriggerSeeds(api);
    handler = api.component.eventsHandler();
    acme = api.env.seedTenant("TRIG");
  }

  @BeforeEach
  void resetCalls() {
    api.calls.reset();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private void deliver(String envelope) {
    try {
      Map<String, Object> event = WorkflowsApi.MAPPER.readValue(envelope, new TypeReference<>() {});
      handler.handleRequest(event, null);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String taskCreated(String tenantId, String eventId, String priority, String actor) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"coditect.pm\","
        + "\"detail-type\":\"task.created\",\"account\":\"000000000000\",\"time\":\"2026-12-03T21:00:00Z\","
        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"event_id\":\"" + eventId + "\",\"tenant_id\":\""
        + tenantId + "\",\"source\":\"coditect.pm\",\"actor\":{\"user_id\":\"" + actor + "\"},"
        + "\"action\":\"task.created\",\"resource_type\":\"task\",\"resource_id\":\"" + Ids.newId() + "\","
        + "\"changes\":{\"priority\":{\"old\":null,\"new\":\"" + priority + "\"}},"
        + "\"occurred_at\":\"2026-12-03T21:00:00.000Z\"}}";
  }

  private static String scheduleFired(String envelopeId, String tenantId, String workflowId) {
    return "{\"version\":\"0\",\"id\":\"" + envelopeId + "\",\"source\":\"workflows.schedules\","
        + "\"detail-type\":\"schedule.fired\",\"account\":\"000000000000\",\"time\":\"2026-12-03T21:00:00Z\","
        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"tenant_id\":\"" + tenantId
        + "\",\"workflow_id\":\"" + workflowId + "\"}}";
  }

  private String eventTriggered(SeededTenant tenant, String pattern) {
    String workflow = seeds.workflow(tenant.id(), WorkflowStatus.ACTIVE, "[{\"type\":\"event\",\"pattern\":"
        + pattern + "}]");
    seeds.eventTrigger(tenant.id(), workflow, pattern);
    return workflow;
  }

  @Test
  void anUrgentTaskCreatedAsksForAnExecutionOfTheMatchingWorkflowOnlyOnceInOneQueryAndOneTransaction() {
    SeededTenant tenant = api.env.seedTenant("URG");
    String urgent = eventTriggered(tenant, URGENT_TASK_CREATED);
    String anyDms = eventTriggered(tenant, "{\"source\":[\"coditect.dms\"]}");
    String eventId = Ids.newId();
    String envelope = taskCreated(tenant.id(), eventId, "urgent", tenant.memberId());

    deliver(envelope);
    assertEquals(List.of("Query", "TransactWriteItems"), api.calls.operations());
    List<JsonNode> requested = seeds.requested(urgent);
    assertEquals(1, requested.size());
    JsonNode event = requested.get(0);
    assertEquals(ExecutionIds.derived(eventId, urgent, Instant.parse("2026-12-03T21:00:00Z")),
        event.path("resource_id").asText(), "the id is derived from the event and the workflow");
    assertEquals("event", event.path("trigger_type").asText());
    assertEquals("task.created", event.path("trigger_data").path("detail-type").asText());
    assertEquals("urgent", event.path("trigger_data").path("detail").path("changes").path("priority").path("new")
        .asText());
    assertTrue(event.path("context_data").isObject());
    assertEquals(List.of(), seeds.requested(anyDms));

    // EventBridge delivers at least once: the same event (another envelope id) asks for nothing more.
    deliver(taskCreated(tenant.id(), eventId, "urgent", tenant.memberId()));
    deliver(envelope);
    assertEquals(1, seeds.requested(urgent).size());

    deliver(taskCreated(tenant.id(), Ids.newId(), "low", tenant.memberId()));
    assertEquals(1, seeds.requested(urgent).size(), "another priority matches nothing");
  }

  @Test
  void anEventStartsOnlyItsOwnTenantsWorkflows() {
    SeededTenant first = api.env.seedTenant("ONE");
    SeededTenant second = api.env.seedTenant("TWO");
    String firsts = eventTriggered(first, URGENT_TASK_CREATED);
    String seconds = eventTriggered(second, URGENT_TASK_CREATED);
    deliver(taskCreated(second.id(), Ids.newId(), "urgent", second.memberId()));
    assertEquals(List.of(), seeds.requested(firsts));
    assertEquals(1, seeds.requested(seconds).size());
    assertEquals(second.id(), seeds.requested(seconds).get(0).path("tenant_id").asText());
  }

  @Test
  void aChangeAWorkflowMadeAndTheWorkflowsOwnEventsStartNothingAndReadNothing() {
    SeededTenant tenant = api.env.seedTenant("LOOP");
    String urgent = eventTriggered(tenant, URGENT_TASK_CREATED);
    String everything = eventTriggered(tenant, "{\"source\":[{\"prefix\":\"coditect.\"}]}");
    deliver(taskCreated(tenant.id(), Ids.newId(), "urgent", "system:workflows"));
    deliver(taskCreated(tenant.id(), Ids.newId(), "urgent", "system:workflows/action"));
    deliver(taskCreated(tenant.id(), Ids.newId(), "urgent", tenant.memberId()).replace("coditect.pm",
        "coditect.workflows"));
    assertEquals(List.of(), api.calls.operations());
    assertEquals(List.of(), seeds.requested(urgent));
    assertEquals(List.of(), seeds.requested(everything));
  }

  @Test
  void aTenantWithoutEventTriggersCostsOneQuery() {
    SeededTenant tenant = api.env.seedTenant("NONE");
    deliver(taskCreated(tenant.id(), Ids.newId(), "urgent", tenant.memberId()));
    assertEquals(List.of("Query"), api.calls.operations());
  }

  @Test
  void aScheduledTriggerFiringAsksForAnExecutionOfAnActiveWorkflowOnce() {
    String workflow = seeds.workflow(acme.id(), WorkflowStatus.ACTIVE,
        "[{\"type\":\"scheduled\",\"expression\":\"rate(5 minutes)\"}]");
    String firing = UUID.randomUUID().toString();
    deliver(scheduleFired(firing, acme.id(), workflow));
    assertEquals(List.of("GetItem", "TransactWriteItems"), api.calls.operations());
    List<JsonNode> requested = seeds.requested(workflow);
    assertEquals(1, requested.size());
    assertEquals("scheduled", requested.get(0).path("trigger_type").asText());
    assertEquals("2026-12-03T21:00:00.000Z", requested.get(0).path("trigger_data").path("fired_at").asText());

    deliver(scheduleFired(firing, acme.id(), workflow));
    assertEquals(1, seeds.requested(workflow).size(), "a redelivered firing asks for nothing more");
    deliver(scheduleFired(UUID.randomUUID().toString(), acme.id(), workflow));
    assertEquals(2, seeds.requested(workflow).size(), "the next firing asks again");
  }

  @Test
  void aScheduleFiringForAWorkflowThatIsNotActiveOrGoneStartsNothing() {
    for (WorkflowStatus status : List.of(WorkflowStatus.PAUSED, WorkflowStatus.ARCHIVED, WorkflowStatus.DRAFT)) {
      String workflow = seeds.workflow(acme.id(), status, "[{\"type\":\"scheduled\",\"expression\":\"rate(1 day)\"}]");
      deliver(scheduleFired(UUID.randomUUID().toString(), acme.id(), workflow));
      assertEquals(List.of(), seeds.requested(workflow), status.apiName());
    }
    String unknown = Ids.newId();
    deliver(scheduleFired(UUID.randomUUID().toString(), acme.id(), unknown));
    assertEquals(List.of(), seeds.requested(unknown));
  }
}

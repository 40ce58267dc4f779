package com.coditect.workflows;

import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static com.coditect.testing.ListAsserts.pageThrough;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.PageRequest;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.testing.TestInterceptors;
import com.coditect.workflows.data.EventTriggerItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;

/**
 * The definition routes on moto: {@code GET|POST /v1/workflows}, {@code GET|PATCH|DELETE
 * /v1/workflows/{id}}, its {@code validate}, {@code publish}, {@code pause} and {@code archive};
 * with the trigger settings the lifecycle keeps (event-trigger rows, webhook secrets, EventBridge
 * Scheduler schedules on moto) and the events it records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowRoutesIT {

  private static final String HOST = "api.coditect.test";

  private WorkflowsApi api;
  private SeededTenant acme;
  private SeededTenant globex;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("workflow-defs");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  /** A valid definition: start, an approval by two users, an end on success and on expiry. */
  private String definition() {
    return """
        {"nodes": [{"id": "start", "type": "start", "name": "Start"},
                   {"id": "approve", "type": "approval", "name": "Approve",
                    "config": {"approvers": {"user_ids": ["%s", "%s"]}, "quorum": 1, "expires_in": "PT48H"}},
                   {"id": "done", "type": "end", "name": "Done"}],
         "edges": [{"from": "start", "to": "approve"}, {"from": "approve", "to": "done"},
                   {"from": "approve", "to": "done", "on": "timeout"}]}""".formatted(acme.adminId(), acme.memberId());
  }

  private String body(String name, String triggers) {
    return "{\"name\": \"" + name + "\", \"workflow_type\": \"approval\", \"definition\": " + definition()
        + ", \"triggers\": " + triggers + "}";
  }

  // ---------------------------------------------------------------- POST /v1/workflows

  @Test
  void memberCreatesADraftAtVersionOneInOneTransaction() {
    HandlerResponse created = create(acme.member(), "{\"name\": \"Expense approval\", \"description\": \"Over 500\","
        + " \"workflow_type\": \"approval\", \"project_id\": \"" + acme.projectId() + "\", \"definition\": "
        + definition() + ", \"triggers\": [{\"type\": \"manual\"}]}");

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/workflows/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals("draft", created.text("status"));
    assertEquals(1, created.json().path("version").asInt());
    assertEquals("approval", created.text("workflow_type"));
    assertEquals(acme.projectId(), created.text("project_id"));
    assertEquals(acme.memberId(), created.text("created_by"));
    assertEquals("approve", created.json().path("definition").path("nodes").get(1).path("id").asText());
    assertTrue(created.json().path("published_at").isNull());
    assertTrue(created.json().path("webhook_url").isNull());
    assertFalse(created.json().has("webhook_secret"));
    assertEquals(List.of("TransactWriteItems"), created.dynamoCalls());

    HandlerResponse read = get(acme.viewer(), id);
    read.assertStatus(200);
    assertEquals("Expense approval", read.text("name"));
    assertEquals(List.of("GetItem"), read.dynamoCalls());

    JsonNode event = onlyEvent(id, "workflow.created");
    assertEquals("workflow", event.path("resource_type").asText());
    assertEquals("coditect.workflows", event.path("source").asText(), event.toString());
    assertEquals(1, event.path("workflow_version").asInt());
    assertTrue(event.path("workflow_version").isNumber());
    assertEquals(acme.memberId(), event.path("actor").path("user_id").asText());
  }

  @Test
  void aDraftIsStoredAsSentWhateverItLacksAndDefaultsToNothing() {
    HandlerResponse incomplete = create(acme.owner(),
        "{\"name\": \"Half done\", \"definition\": {\"nodes\": [{\"type\": \"teleport\"}], \"edges\": [{\"from\": \"x\"}]}}");
    incomplete.assertStatus(201);
    assertEquals("teleport", incomplete.json().path("definition").path("nodes").get(0).path("type").asText());
    assertEquals("custom", incomplete.text("workflow_type"));

    HandlerResponse bare = create(acme.admin(), "{\"name\": \"Bare\"}");
    bare.assertStatus(201);
    assertEquals(0, bare.json().path("definition").path("nodes").size());
    assertEquals(0, bare.json().path("triggers").size());
  }

  @Test
  void createRejectsWhatIsNotTheRightShapeNamingTheField() {
    assertEquals(List.of("name"), bad(create(acme.member(), "{\"definition\": {}}")));
    assertEquals(List.of("definition.nodes[0].id"), bad(create(acme.member(),
        "{\"name\": \"x\", \"definition\": {\"nodes\": [{\"id\": 7}]}}")));
    assertEquals(List.of("definition.edges"), bad(create(acme.member(),
        "{\"name\": \"x\", \"definition\": {\"edges\": {}}}")));
    assertEquals(List.of("definition.steps"), bad(create(acme.member(),
        "{\"name\": \"x\", \"definition\": {\"steps\": []}}")));
    assertEquals(List.of("triggers[0].type"), bad(create(acme.member(), "{\"name\": \"x\", \"triggers\": [{}]}")));
    assertEquals(List.of("triggers"), bad(create(acme.member(), "{\"name\": \"x\", \"triggers\": {\"type\": \"manual\"}}")));
    assertEquals(List.of("status"), bad(create(acme.member(), "{\"name\": \"x\", \"status\": \"active\"}")));
    assertEquals(List.of("workflow_type"), bad(create(acme.member(), "{\"name\": \"x\", \"workflow_type\": \"magic\"}")));
  }

  @Test
  void aDefinitionOverTwoHundredFiftySixKilobytesIsRefusedWithItsProblem() {
    String padding = "x".repeat(270_000);
    HandlerResponse tooLarge = create(acme.member(), "{\"name\": \"Huge\", \"definition\": {\"nodes\": [{\"id\": \"s\","
        + " \"type\": \"start\", \"name\": \"" + padding + "\"}]}}");
    assertEquals(List.of("definition"), unprocessable(tooLarge));
    assertEquals("DEFINITION_TOO_LARGE", tooLarge.json().path("problems").get(0).path("code").asText());
  }

  @Test
  void aProjectMustBeALiveProjectOfTheTenant() {
    assertEquals(List.of("project_id"), unprocessable(create(acme.member(),
        "{\"name\": \"x\", \"project_id\": \"" + globex.projectId() + "\"}")));
  }

  @Test
  void onlyContributorsWriteAndATokenIsNeeded() {
    assertEquals(403, create(acme.viewer(), "{\"name\": \"x\"}").status());
    assertEquals(401, create(null, "{\"name\": \"x\"}").status());
    String id = createDraft(acme, "Roles");
    assertEquals(403, lifecycle(acme.viewer(), id, "publish", null).status());
    assertEquals(403, patch(acme.viewer(), id, null, "{\"name\": \"y\"}").status());
    assertEquals(403, delete(acme.viewer(), id, null).status());
    // Reading and validating are for every role.
    assertEquals(200, validate(acme.viewer(), id).status());
  }

  @Test
  void anotherTenantsWorkflowIsNotFound() {
    String id = createDraft(acme, "Private");
    assertEquals(404, get(globex.owner(), id).status());
    assertEquals(404, patch(globex.owner(), id, null, "{\"name\": \"Mine\"}").status());
    assertEquals(404, validate(globex.owner(), id).status());
    assertEquals(404, lifecycle(globex.owner(), id, "publish", null).status());
    assertEquals(404, delete(globex.owner(), id, null).status());
    assertEquals(List.of("workflow_id"), bad(get(acme.owner(), "12345")));
  }

  // ---------------------------------------------------------------- webhook secrets

  @Test
  void aWebhookTriggerGetsASecretShownOnceAndAPublicUrl() {
    HandlerResponse created = create(acme.member(), body("Hooked", "[{\"type\": \"webhook\"}]"));
    created.assertStatus(201);
    String id = created.text("id");
    String secret = created.text("webhook_secret");
    assertEquals(43, secret.length(), secret);
    assertTrue(secret.matches("[A-Za-z0-9_-]+"), secret);
    assertEquals("https://" + HOST + "/v1/hooks/workflows/" + id, created.text("webhook_url"));

    HandlerResponse read = get(acme.member(), id);
    assertFalse(read.json().has("webhook_secret"));
    assertEquals("https://" + HOST + "/v1/hooks/workflows/" + id, read.text("webhook_url"));

    Map<String, AttributeValue> stored = api.item("T#" + acme.id() + "#WF#" + id, "HOOK_SECRET");
    assertEquals(secret, stored.get("secret").s());
    assertEquals(acme.id(), api.item("PLATFORM#WF_HOOK#" + id, "WF_HOOK").get("tenant_id").s());
    assertEquals(acme.id(), api.component.hookSecrets().tenantOfHook(id).orElseThrow());
    // The secret is never in an event.
    assertFalse(onlyEvent(id, "workflow.created").toString().contains(secret));
  }

  @Test
  void rotatingTheSecretKeepsThePreviousOneForADayAndDroppingTheTriggerRemovesIt() {
    HandlerResponse created = create(acme.member(), body("Rotating", "[{\"type\": \"webhook\"}]"));
    String id = created.text("id");
    String first = created.text("webhook_secret");

    HandlerResponse rotated = patch(acme.member(), id, "\"1\"", "{\"rotate_webhook_secret\": true}");
    rotated.assertStatus(200);
    String second = rotated.text("webhook_secret");
    assertNotEquals(first, second);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), rotated.dynamoCalls());
    Map<String, AttributeValue> stored = api.item("T#" + acme.id() + "#WF#" + id, "HOOK_SECRET");
    assertEquals(second, stored.get("secret").s());
    assertEquals(first, stored.get("previous_secret").s());
    Duration kept = Duration.between(Instant.now(), Instant.parse(stored.get("previous_expires_at").s()));
    assertTrue(kept.compareTo(Duration.ofHours(23)) > 0 && kept.compareTo(Duration.ofHours(25)) < 0, kept.toString());

    HandlerResponse dropped = patch(acme.member(), id, null, "{\"triggers\": [{\"type\": \"manual\"}]}");
    dropped.assertStatus(200);
    assertTrue(dropped.json().path("webhook_url").isNull());
    assertTrue(api.item("T#" + acme.id() + "#WF#" + id, "HOOK_SECRET").isEmpty());
    assertTrue(api.item("PLATFORM#WF_HOOK#" + id, "WF_HOOK").isEmpty());

    assertEquals(List.of("rotate_webhook_secret"), unprocessable(patch(acme.member(), id, null,
        "{\"rotate_webhook_secret\": true}")));
    HandlerResponse added = patch(acme.member(), id, null, "{\"triggers\": [{\"type\": \"webhook\"}]}");
    assertEquals(43, added.text("webhook_secret").length());
  }

  // ---------------------------------------------------------------- validate

  @Test
  void validateReportsEveryProblemOfTheStoredDefinitionInOneRead() {
    String id = create(acme.member(), "{\"name\": \"Broken\", \"definition\": {\"nodes\": [{\"id\": \"s\", \"type\":"
        + " \"start\"}, {\"id\": \"a\", \"type\": \"approval\", \"config\": {}}], \"edges\": [{\"from\": \"s\", \"to\":"
        + " \"a\"}, {\"from\": \"a\", \"to\": \"nowhere\"}]}, \"triggers\": [{\"type\": \"scheduled\", \"expression\":"
        + " \"cron(0 9 * * *)\"}]}").text("id");
    HandlerResponse checked = validate(acme.viewer(), id);
    checked.assertStatus(200);
    assertFalse(checked.json().path("valid").asBoolean());
    Set<String> codes = new TreeSet<>(checked.json().path("problems").findValuesAsText("code"));
    assertEquals(Set.of("NO_END", "NO_APPROVERS", "DANGLING_EDGE", "MISSING_NEXT", "INVALID_SCHEDULE"), codes,
        checked.raw());
    assertEquals(List.of("GetItem"), checked.dynamoCalls());

    HandlerResponse fine = validate(acme.member(), createDraft(acme, "Fine"));
    assertTrue(fine.json().path("valid").asBoolean(), fine.raw());
    assertEquals(0, fine.json().path("problems").size());
  }

  // ---------------------------------------------------------------- the lifecycle

  @Test
  void publishingAnInvalidDefinitionIsRefusedWithItsProblems() {
    String id = create(acme.member(), "{\"name\": \"No end\", \"definition\": {\"nodes\": [{\"id\": \"s\", \"type\":"
        + " \"start\"}]}}").text("id");
    HandlerResponse refused = lifecycle(acme.member(), id, "publish", null);
    assertEquals(422, refused.status(), refused.raw());
    assertTrue(refused.json().path("problems").findValuesAsText("code").contains("NO_END"), refused.raw());
    assertTrue(refused.errorFields().contains("definition"));
    assertEquals("draft", get(acme.member(), id).text("status"));
  }

  @Test
  void theLifecycleRunsDraftActivePausedActiveArchivedAndRefusesWrongTurns() throws Exception {
    String id = createDraft(acme, "Lifecycle");
    assertEquals(409, lifecycle(acme.member(), id, "pause", null).status());
    assertEquals(412, lifecycle(acme.member(), id, "publish", "\"7\"").status());

    HandlerResponse published = lifecycle(acme.member(), id, "publish", "\"1\"");
    published.assertStatus(200);
    assertEquals("active", published.text("status"));
    assertNotNull(published.text("published_at"));
    assertEquals("\"2\"", published.header("ETag"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), published.dynamoCalls());
    Map<String, AttributeValue> frozen = api.item("T#" + acme.id() + "#WF#" + id, "VERSION#0000000001");
    assertEquals(published.json().path("definition"), WorkflowsApi.MAPPER.readTree(api.component.workflowVersions()
        .find(new TenantId(acme.id()), id, 1).orElseThrow().definition()));
    assertEquals("1", frozen.get("workflow_version").n());
    assertEquals(1, onlyEvent(id, "workflow.published").path("workflow_version").asInt());
    assertEquals(409, lifecycle(acme.member(), id, "publish", null).status());
    assertEquals(List.of("status"), conflictFields(lifecycle(acme.member(), id, "publish", null)));

    HandlerResponse paused = lifecycle(acme.admin(), id, "pause", null);
    assertEquals("paused", paused.text("status"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), paused.dynamoCalls());
    HandlerResponse again = lifecycle(acme.owner(), id, "publish", null);
    assertEquals("active", again.text("status"));
    // Publishing a paused workflow freezes nothing new: the version is the one it had.
    assertEquals(1, again.json().path("version").asInt());

    HandlerResponse archived = lifecycle(acme.member(), id, "archive", null);
    assertEquals("archived", archived.text("status"));
    assertEquals(409, lifecycle(acme.member(), id, "publish", null).status());
    assertEquals(409, lifecycle(acme.member(), id, "archive", null).status());
    assertEquals(409, patch(acme.member(), id, null, "{\"name\": \"Revived\"}").status());
    assertEquals(1, onlyEvent(id, "workflow.archived").path("workflow_version").asInt());
  }

  @Test
  void editingAPublishedWorkflowValidatesAndFreezesTheNextVersionAtOnce() {
    String id = createDraft(acme, "Versions");
    lifecycle(acme.member(), id, "publish", null).assertStatus(200);

    HandlerResponse invalid = patch(acme.member(), id, null, "{\"definition\": {\"nodes\": []}}");
    assertEquals(422, invalid.status(), invalid.raw());
    assertTrue(invalid.json().path("problems").findValuesAsText("code").contains("NO_START"));

    HandlerResponse renamed = patch(acme.member(), id, null, "{\"name\": \"Versions renamed\"}");
    assertEquals(1, renamed.json().path("version").asInt());

    String changed = definition().replace("\"quorum\": 1", "\"quorum\": 2");
    HandlerResponse edited = patch(acme.member(), id, renamed.header("ETag"), "{\"definition\": " + changed + "}");
    edited.assertStatus(200);
    assertEquals(2, edited.json().path("version").asInt());
    assertEquals("active", edited.text("status"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), edited.dynamoCalls());
    TenantId tenant = new TenantId(acme.id());
    assertTrue(api.component.workflowVersions().find(tenant, id, 1).orElseThrow().definition().contains("\"quorum\":1"));
    assertTrue(api.component.workflowVersions().find(tenant, id, 2).orElseThrow().definition().contains("\"quorum\":2"));
    List<Integer> versions = events(id).stream().filter(e -> e.path("action").asText().equals("workflow.updated"))
        .map(e -> e.path("workflow_version").asInt()).sorted().toList();
    assertEquals(List.of(1, 2), versions);

    assertEquals(412, patch(acme.member(), id, "\"1\"", "{\"name\": \"Stale\"}").status());
    // A draft changes in place.
    String draft = createDraft(acme, "Draft edits");
    assertEquals(1, patch(acme.member(), draft, null, "{\"definition\": " + changed + "}").json().path("version").asInt());
  }

  // ---------------------------------------------------------------- event triggers and schedules

  @Test
  void anActiveWorkflowsEventTriggerIsARowTheTriggersPartReads() {
    String pattern = "{\"detail-type\": [\"task.created\"], \"detail\": {\"priority\": [\"urgent\"]}}";
    String id = create(acme.member(), body("On urgent tasks", "[{\"type\": \"event\", \"pattern\": " + pattern + "}]"))
        .text("id");
    String pk = "T#" + acme.id() + "#WF_TRIGGERS";
    assertTrue(api.item(pk, "EVENT#" + id).isEmpty(), "a draft starts nothing");

    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    Map<String, AttributeValue> row = api.item(pk, "EVENT#" + id);
    assertEquals("1", row.get("workflow_version").n());
    assertEquals(id, row.get("workflow_id").s());
    assertTrue(row.get("pattern").s().contains("\"urgent\""));

    patch(acme.member(), id, null, "{\"definition\": " + definition().replace("\"quorum\": 1", "\"quorum\": 2") + "}")
        .assertStatus(200);
    assertEquals("2", api.item(pk, "EVENT#" + id).get("workflow_version").n());
    assertEquals(List.of(id), api.component.eventTriggerRows().listOfTenant(new TenantId(acme.id()),
        new PageRequest(10, Optional.empty())).items().stream()
        .map(EventTriggerItem::workflowId).toList());

    lifecycle(acme.member(), id, "pause", null).assertStatus(200);
    assertTrue(api.item(pk, "EVENT#" + id).isEmpty());
    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    assertFalse(api.item(pk, "EVENT#" + id).isEmpty());
    lifecycle(acme.member(), id, "archive", null).assertStatus(200);
    assertTrue(api.item(pk, "EVENT#" + id).isEmpty());
  }

  @Test
  void publishingMakesTheRecurringSchedulesAndPausingRemovesThem() throws Exception {
    String id = create(acme.member(), body("Every morning", "[{\"type\": \"scheduled\", \"expression\":"
        + " \"cron(0 9 ? * MON-FRI *)\"}, {\"type\": \"scheduled\", \"expression\": \"rate(15 minutes)\"}]"))
        .text("id");
    assertTrue(api.schedule("s-" + id + "-1").isEmpty());

    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    var first = api.schedule("s-" + id + "-1").orElseThrow();
    assertEquals("cron(0 9 ? * MON-FRI *)", first.scheduleExpression());
    assertEquals("UTC", first.scheduleExpressionTimezone());
    assertEquals("schedule.fired", first.target().eventBridgeParameters().detailType());
    assertEquals("workflows.schedules", first.target().eventBridgeParameters().source());
    JsonNode detail = WorkflowsApi.MAPPER.readTree(first.target().input());
    assertEquals(acme.id(), detail.path("tenant_id").asText());
    assertEquals(id, detail.path("workflow_id").asText());
    assertEquals("rate(15 minutes)", api.schedule("s-" + id + "-2").orElseThrow().scheduleExpression());

    // An edit of the active workflow's triggers replaces its schedules.
    patch(acme.member(), id, null, "{\"triggers\": [{\"type\": \"scheduled\", \"expression\": \"rate(1 hour)\"}]}")
        .assertStatus(200);
    assertEquals("rate(1 hour)", api.schedule("s-" + id + "-1").orElseThrow().scheduleExpression());
    assertTrue(api.schedule("s-" + id + "-2").isEmpty());

    lifecycle(acme.member(), id, "pause", null).assertStatus(200);
    assertTrue(api.schedule("s-" + id + "-1").isEmpty());
    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    assertTrue(api.schedule("s-" + id + "-1").isPresent());
    delete(acme.member(), id, null).assertStatus(204);
    assertTrue(api.schedule("s-" + id + "-1").isEmpty());
  }

  @Test
  void aSchedulerThatFailsAtPublishLeavesTheWorkflowAsItWas() {
    String id = create(acme.member(), body("Unlucky", "[{\"type\": \"scheduled\", \"expression\": \"rate(1 day)\"},"
        + " {\"type\": \"scheduled\", \"expression\": \"rate(2 days)\"}]")).text("id");
    // The second schedule fails: the first, made by this publish, is removed again.
    ExecutionInterceptor secondCreateFails = new ExecutionInterceptor() {
      private int creates;

      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof CreateScheduleRequest && ++creates == 2) {
          throw SchedulerException.builder().message("Scheduler is down").build();
        }
      }
    };
    WorkflowsHandler unlucky = new WorkflowsHandler(DaggerTestWorkflowsComponent.factory()
        .create(api.env.appConfig(), TestInterceptors.of(secondCreateFails)));
    HandlerResponse failed = new ContractClient(unlucky, new DynamoDbCallCounter()).call(
        HttpEvents.route("POST /v1/workflows/{workflow_id}/publish").pathParam("workflow_id", id)
            .claims(acme.member()).build());
    assertEquals(500, failed.status(), failed.raw());
    assertEquals("draft", get(acme.member(), id).text("status"));
    assertTrue(api.schedule("s-" + id + "-1").isEmpty());
    assertTrue(api.schedule("s-" + id + "-2").isEmpty());

    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    assertTrue(api.schedule("s-" + id + "-2").isPresent());
    lifecycle(acme.member(), id, "archive", null).assertStatus(200);
    assertTrue(api.schedule("s-" + id + "-2").isEmpty());
  }

  @Test
  void aSchedulerThatFailsAtPauseDoesNotUndoThePause() {
    String id = create(acme.member(), body("Stubborn", "[{\"type\": \"scheduled\", \"expression\": \"rate(1 day)\"}]"))
        .text("id");
    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    ExecutionInterceptor deletesFail = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof DeleteScheduleRequest) {
          throw SchedulerException.builder().message("Scheduler is down").build();
        }
      }
    };
    WorkflowsHandler unlucky = new WorkflowsHandler(DaggerTestWorkflowsComponent.factory()
        .create(api.env.appConfig(), TestInterceptors.of(deletesFail)));
    HandlerResponse paused = new ContractClient(unlucky, new DynamoDbCallCounter()).call(
        HttpEvents.route("POST /v1/workflows/{workflow_id}/pause").pathParam("workflow_id", id)
            .claims(acme.member()).build());
    assertEquals(200, paused.status(), paused.raw());
    assertEquals("paused", get(acme.member(), id).text("status"));
    // Left behind, it fires into a paused workflow; deleting the workflow removes it.
    assertTrue(api.schedule("s-" + id + "-1").isPresent());
    delete(acme.member(), id, null).assertStatus(204);
    assertTrue(api.schedule("s-" + id + "-1").isEmpty());
  }

  // ---------------------------------------------------------------- lists

  @Test
  void listsFilterByStatusTypeAndProjectEachInOneQuery() {
    SeededTenant tenant = api.env.seedTenant("LISTS");
    String project = api.env.seedProject(tenant, "LP");
    String a = createDraft(tenant, "A");
    String b = create(tenant.member(), "{\"name\": \"B\", \"workflow_type\": \"review\", \"project_id\": \"" + project
        + "\", \"definition\": " + definition() + "}").text("id");
    String c = createDraft(tenant, "C");
    lifecycle(tenant.member(), c, "publish", null).assertStatus(200);
    String gone = createDraft(tenant, "Gone");
    delete(tenant.member(), gone, null).assertStatus(204);

    HandlerResponse all = list(tenant.viewer());
    assertEquals(List.of(a, b, c), ids(all));
    assertEquals(List.of("Query"), all.dynamoCalls());
    HandlerResponse active = list(tenant.viewer(), "status", "active");
    assertEquals(List.of(c), ids(active));
    assertEquals(List.of("Query"), active.dynamoCalls());
    assertEquals(List.of(a, b), ids(list(tenant.viewer(), "status", "draft")));
    assertEquals(List.of(b), ids(list(tenant.viewer(), "workflow_type", "review")));
    assertEquals(List.of(a, c), ids(list(tenant.viewer(), "workflow_type", "approval")));
    assertEquals(List.of(b), ids(list(tenant.viewer(), "project_id", project)));
    assertEquals(List.of(b), ids(list(tenant.viewer(), "status", "draft", "workflow_type", "review")));
    assertEquals(List.of(), ids(list(tenant.viewer(), "status", "archived")));
    assertEquals(List.of(a, b, c), pageThrough(query -> list(tenant.viewer(), query)));
    assertEquals(List.of("status"), bad(list(tenant.viewer(), "status", "running")));
    assertEquals(List.of("project_id"), bad(list(tenant.viewer(), "project_id", "nope")));
    assertEquals(List.of(), ids(list(globex.owner(), "project_id", project)));
  }

  // ---------------------------------------------------------------- DELETE

  @Test
  void deleteHidesTheWorkflowAndRemovesItsTriggerSettings() {
    String id = create(acme.member(), body("Short lived", "[{\"type\": \"webhook\"}, {\"type\": \"event\", \"pattern\":"
        + " {\"detail-type\": [\"task.created\"]}}]")).text("id");
    lifecycle(acme.member(), id, "publish", null).assertStatus(200);
    assertEquals(412, delete(acme.member(), id, "\"1\"").status());

    HandlerResponse deleted = delete(acme.member(), id, "\"2\"");
    deleted.assertStatus(204);
    assertEquals(List.of("GetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(404, get(acme.member(), id).status());
    assertEquals(404, delete(acme.member(), id, null).status());
    assertTrue(api.item("T#" + acme.id() + "#WF_TRIGGERS", "EVENT#" + id).isEmpty());
    assertTrue(api.item("T#" + acme.id() + "#WF#" + id, "HOOK_SECRET").isEmpty());
    assertTrue(api.item("PLATFORM#WF_HOOK#" + id, "WF_HOOK").isEmpty());
    // The frozen version stays for the executions that run it.
    assertFalse(api.item("T#" + acme.id() + "#WF#" + id, "VERSION#0000000001").isEmpty());
    JsonNode event = onlyEvent(id, "workflow.deleted");
    assertTrue(event.path("changes").path("deleted_at").path("new").isTextual());
    assertEquals("archived", event.path("changes").path("status").path("new").asText());
  }

  // ---------------------------------------------------------------- project.deleted

  @Test
  void aDeletedProjectsWorkflowsLoseTheirProject() {
    SeededTenant tenant = api.env.seedTenant("UNLINK");
    String project = api.env.seedProject(tenant, "UL");
    List<String> linked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      linked.add(create(tenant.member(), "{\"name\": \"Linked " + i + "\", \"project_id\": \"" + project + "\"}")
          .text("id"));
    }
    String other = createDraft(tenant, "Unlinked");

    int unlinked = api.component.workflowFollowUps().projectDeleted(new TenantId(tenant.id()), project);
    assertEquals(3, unlinked);
    for (String id : linked) {
      HandlerResponse read = get(tenant.member(), id);
      assertTrue(read.json().path("project_id").isNull(), read.raw());
      assertEquals("\"2\"", read.header("ETag"));
      assertEquals("system:workflow-follow-ups", onlyEvent(id, "workflow.updated").path("actor").path("user_id")
          .asText());
    }
    assertEquals("\"1\"", get(tenant.member(), other).header("ETag"));
    // Again: nothing names the project any more.
    assertEquals(0, api.component.workflowFollowUps().projectDeleted(new TenantId(tenant.id()), project));
  }

  // ---------------------------------------------------------------- helpers

  private String createDraft(SeededTenant tenant, String name) {
    HandlerResponse created = create(tenant.member(), "{\"name\": \"" + name + "\", \"workflow_type\": \"approval\","
        + " \"definition\": " + definition() + "}");
    created.assertStatus(201);
    return created.text("id");
  }

  private static List<String> conflictFields(HandlerResponse response) {
    assertEquals(409, response.status(), response.raw());
    return response.errorFields();
  }

  private HandlerResponse create(Map<String, String> claims, String body) {
    return api.call(claims(HttpEvents.route("POST /v1/workflows").header("Host", HOST).body(body), claims).build());
  }

  private HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(claims(HttpEvents.route("GET /v1/workflows/{workflow_id}").header("Host", HOST)
        .pathParam("workflow_id", id), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = claims(HttpEvents.route("GET /v1/workflows").header("Host", HOST), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse patch(Map<String, String> claims, String id, String ifMatch, String body) {
    var event = claims(HttpEvents.route("PATCH /v1/workflows/{workflow_id}").header("Host", HOST)
        .pathParam("workflow_id", id).body(body), claims);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  private HandlerResponse delete(Map<String, String> claims, String id, String ifMatch) {
    var event = claims(HttpEvents.route("DELETE /v1/workflows/{workflow_id}").pathParam("workflow_id", id), claims);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  private HandlerResponse validate(Map<String, String> claims, String id) {
    return api.call(claims(HttpEvents.route("POST /v1/workflows/{workflow_id}/validate").pathParam("workflow_id", id),
        claims).build());
  }

  private HandlerResponse lifecycle(Map<String, String> claims, String id, String verb, String ifMatch) {
    var event = claims(HttpEvents.route("POST /v1/workflows/{workflow_id}/" + verb).header("Host", HOST)
        .pathParam("workflow_id", id), claims);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  private static HttpEvents.Builder claims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }

  private List<JsonNode> events(String resourceId) {
    return api.env.outboxEvents().stream().filter(e -> resourceId.equals(e.path("resource_id").asText())).toList();
  }

  private JsonNode onlyEvent(String resourceId, String action) {
    List<JsonNode> matching = events(resourceId).stream().filter(e -> action.equals(e.path("action").asText()))
        .toList();
    assertEquals(1, matching.size(), action + " events of " + resourceId + ": " + matching);
    return matching.get(0);
  }
}

package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.TaskItem;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PmEventsHandler on moto, fed the events as the bus delivers them: what a completed or deleted
 * sprint, a deleted milestone and a moved task mean for the tasks. Redelivery changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PmEventsHandlerIT {

  private PmApi api;
  private PmEventsHandler events;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    api = new PmApi("pm-events");
    events = new PmEventsHandler(api.component);
    acme = api.env.seedTenant("EVT");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @Test
  void aWorkflowsActionCreatesItsTaskOnceWithTheRequestIdAndAnswersTheStep() {
    String execution = Ids.newId();
    String step = Ids.newId();
    String request = Ids.newId();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("project_id", acme.projectId());
    params.put("title", "Follow up the urgent task");
    params.put("priority", "high");
    Map<String, Object> envelope = actionRequested(execution, step, request, params, acme.memberId());

    events.handleRequest(envelope, null);
    HandlerResponse created = task(request);
    created.assertStatus(200);
    assertEquals("Follow up the urgent task", created.text("title"));
    assertEquals("high", created.text("priority"));
    assertEquals(acme.memberId(), created.text("reporter_id"));
    JsonNode answer = SprintRoutesIT.onlyEvent(api, execution, "step.resolved");
    assertEquals(step, answer.path("step_id").asText());
    assertEquals("success", answer.path("outcome").asText());
    assertEquals(request, answer.path("output").path("task_id").asText());
    assertEquals(request, answer.path("request_id").asText(), "the answer names the request it answers");
    assertEquals("coditect.pm", answer.path("source").asText(""));

    events.handleRequest(envelope, null);
    assertEquals("\"1\"", task(request).header("ETag"), "a redelivered request changes nothing");
    SprintRoutesIT.onlyEvent(api, execution, "step.resolved");
  }

  @Test
  void aWorkflowsActionTheTaskRulesRefuseIsAnsweredWithAnError() {
    String execution = Ids.newId();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("project_id", Ids.newId());
    params.put("title", "Nowhere");
    events.handleRequest(actionRequested(execution, Ids.newId(), Ids.newId(), params, acme.memberId()), null);
    JsonNode answer = SprintRoutesIT.onlyEvent(api, execution, "step.resolved");
    assertEquals("error", answer.path("outcome").asText());
    assertEquals("The project was not found.", answer.path("error_message").asText());

    String unattended = Ids.newId();
    params.put("project_id", acme.projectId());
    events.handleRequest(actionRequested(unattended, Ids.newId(), Ids.newId(), params, null), null);
    assertEquals("params.reporter_id is required when the workflow was not started by a user.",
        SprintRoutesIT.onlyEvent(api, unattended, "step.resolved").path("error_message").asText());

    String badField = Ids.newId();
    params.put("reporter_id", acme.ownerId());
    params.put("priority", "whenever");
    events.handleRequest(actionRequested(badField, Ids.newId(), Ids.newId(), params, null), null);
    assertTrue(SprintRoutesIT.onlyEvent(api, badField, "step.resolved").path("error_message").asText().contains("priority"));
  }

  private Map<String, Object> actionRequested(String execution, String step, String request, Map<String, Object> params,
      String requestedBy) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", "action.requested");
    detail.put("requested_action", "pm.create_task");
    detail.put("resource_type", "execution");
    detail.put("resource_id", execution);
    detail.put("params", params);
    detail.put("step_id", step);
    detail.put("request_id", request);
    detail.put("requested_by", requestedBy);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", "coditect.workflows");
    envelope.put("detail-type", "action.requested");
    envelope.put("detail", detail);
    return envelope;
  }

  @Test
  void aCompletedSprintHandsItsOpenTasksToTheNextSprintOnce() {
    String done = seedSprint("active");
    String next = seedSprint("planned");
    String open = createTask("{\"title\":\"open\",\"status\":\"in_progress\",\"sprint_id\":\"" + done + "\"}");
    String finished = createTask("{\"title\":\"finished\",\"status\":\"done\",\"sprint_id\":\"" + done + "\"}");
    setSprintStatus(done, "completed");

    deliver("sprint.completed", done, Map.of("move_open_tasks_to_sprint_id", next));

    assertEquals(next, task(open).text("sprint_id"));
    assertEquals(done, task(finished).text("sprint_id"), "finished work stays in the sprint it was done in");
    assertEquals("\"2\"", task(open).header("ETag"));
    deliver("sprint.completed", done, Map.of("move_open_tasks_to_sprint_id", next));
    assertEquals("\"2\"", task(open).header("ETag"), "a redelivered event changes nothing");
    assertTrue(history(open).contains("updated:sprint_id"), history(open));
  }

  @Test
  void openTasksGoToTheBacklogWhenTheNextSprintIsNoLongerOpen() {
    String done = seedSprint("active");
    String cancelled = seedSprint("cancelled");
    String open = createTask("{\"title\":\"open\",\"sprint_id\":\"" + done + "\"}");
    setSprintStatus(done, "completed");
    deliver("sprint.completed", done, Map.of("move_open_tasks_to_sprint_id", cancelled));
    assertTrue(task(open).json().path("sprint_id").isNull());
    assertEquals(0, list(Map.of("sprint_id", done)).json().path("items").size());
  }

  @Test
  void aCancelledSprintsTasksReturnToTheBacklog() {
    String sprint = seedSprint("planned");
    String id = createTask("{\"title\":\"planned work\",\"sprint_id\":\"" + sprint + "\"}");
    // An event saying "cancelled" about a sprint that is not: the sprint decides, nothing moves.
    deliver("sprint.updated", sprint, Map.of("status", "cancelled"));
    assertEquals(sprint, task(id).text("sprint_id"), "only a cancelled sprint lets its tasks go");
    setSprintStatus(sprint, "cancelled");
    deliver("sprint.updated", sprint, Map.of("status", "cancelled"));
    assertTrue(task(id).json().path("sprint_id").isNull());
    deliver("sprint.updated", sprint, Map.of("status", "cancelled"));
    assertEquals("\"2\"", task(id).header("ETag"), "a redelivered event changes nothing");
  }

  @Test
  void eventsAboutItemsThatSayOtherwiseChangeNothing() {
    String sprint = seedSprint("active");
    String next = seedSprint("planned");
    String milestone = seedMilestone();
    String id = createTask("{\"title\":\"t\",\"status\":\"in_progress\",\"sprint_id\":\"" + sprint
        + "\",\"milestone_id\":\"" + milestone + "\",\"assignee_id\":\"" + acme.memberId() + "\"}");

    // Stray, forged or early events: the sprint is active, the milestone and the user exist.
    deliver("sprint.completed", sprint, Map.of("move_open_tasks_to_sprint_id", next));
    deliver("sprint.deleted", sprint, Map.of());
    deliver("milestone.deleted", milestone, Map.of());
    deliverFrom("coditect.tenancy", "user.deleted", acme.memberId(), Map.of());

    HandlerResponse after = task(id);
    assertEquals(sprint, after.text("sprint_id"));
    assertEquals(milestone, after.text("milestone_id"));
    assertEquals(acme.memberId(), after.text("assignee_id"));
    assertEquals("\"1\"", after.header("ETag"), "nothing was written");
  }

  @Test
  void aCompletedSprintDeletedBeforeItsEventArrivesLetsAllItsTasksGo() {
    String done = seedSprint("active");
    String next = seedSprint("planned");
    String open = createTask("{\"title\":\"open\",\"sprint_id\":\"" + done + "\"}");
    String finished = createTask("{\"title\":\"finished\",\"status\":\"done\",\"sprint_id\":\"" + done + "\"}");
    deleteItem(PmKeys.sprint(tenant(), done));
    deliver("sprint.completed", done, Map.of("move_open_tasks_to_sprint_id", next));
    deliver("sprint.deleted", done, Map.of());
    assertTrue(task(open).json().path("sprint_id").isNull(), "a deleted sprint's tasks go to the backlog");
    assertTrue(task(finished).json().path("sprint_id").isNull());
  }

  /**
   * One project's story through the routes, its events held back and then delivered in order; the
   * same story in a second project with the events delivered in reverse, twice each. Both projects
   * must end with their tasks in the same places. The story has a sprint completed and then
   * deleted: when its events come late, the deletion is what the sprint says (its tasks go to the
   * backlog), whichever event comes first.
   */
  @Test
  void eventsInReverseAndTwiceEndWhereTheInOrderEventsEnd() {
    Map<String, String> inOrder = story("EVTIN", false);
    Map<String, String> reversedTwice = story("EVTRV", true);
    assertEquals(inOrder, reversedTwice);
    assertEquals("sprint=next milestone=- assignee=- parent=d ancestors=[d]", inOrder.get("open"));
    assertEquals("sprint=done milestone=- assignee=- parent=- ancestors=[]", inOrder.get("finished"));
    assertEquals("sprint=- milestone=- assignee=- parent=- ancestors=[]", inOrder.get("cancelled"));
    assertEquals("sprint=- milestone=- assignee=member parent=- ancestors=[]", inOrder.get("deleted"));
    assertEquals("sprint=- milestone=- assignee=- parent=- ancestors=[]", inOrder.get("gone open"));
    assertEquals("sprint=- milestone=- assignee=- parent=- ancestors=[]", inOrder.get("gone finished"));
    assertEquals("sprint=- milestone=- assignee=- parent=open ancestors=[d, open]", inOrder.get("child"));
    assertEquals("sprint=- milestone=- assignee=- parent=- ancestors=[]", inOrder.get("d"));
  }

  /** Runs the story in a new project; returns each task's sprint, milestone, assignee and path by label. */
  private Map<String, String> story(String key, boolean reverseAndTwice) {
    SeededTenant tenant = acme.withProject(api.env.seedProject(acme, key));
    String leaver = api.env.seedUser(acme.id(), "member");
    List<Map<String, Object>> held = new ArrayList<>();
    java.util.function.Consumer<Map<String, Object>> send = held::add;
    Map<String, String> labels = new LinkedHashMap<>();
    String done = createSprint(tenant, "Done");
    String next = createSprint(tenant, "Next");
    String cancelled = createSprint(tenant, "Cancelled");
    String deleted = createSprint(tenant, "Deleted");
    String gone = createSprint(tenant, "Gone");
    labels.put(done, "done");
    labels.put(next, "next");
    labels.put(acme.memberId(), "member");
    labels.put(leaver, "leaver");
    String milestone = api.call(HttpEvents.route("POST /v1/projects/{project_id}/milestones")
        .pathParam("project_id", tenant.projectId()).claims(acme.owner()).body("{\"title\":\"M\"}").build()).text("id");
    sprintAction(done, "start", null);

    String open = createTask(tenant, "{\"title\":\"open\",\"status\":\"in_progress\",\"sprint_id\":\"" + done
        + "\",\"milestone_id\":\"" + milestone + "\",\"assignee_id\":\"" + leaver + "\"}");
    String finished = createTask(tenant, "{\"title\":\"finished\",\"status\":\"done\",\"sprint_id\":\"" + done
        + "\",\"milestone_id\":\"" + milestone + "\"}");
    String inCancelled = createTask(tenant, "{\"title\":\"cancelled\",\"sprint_id\":\"" + cancelled
        + "\",\"assignee_id\":\"" + leaver + "\"}");
    String inDeleted = createTask(tenant, "{\"title\":\"deleted\",\"sprint_id\":\"" + deleted
        + "\",\"assignee_id\":\"" + acme.memberId() + "\"}");
    String child = createTask(tenant, "{\"title\":\"child\",\"parent_task_id\":\"" + open + "\"}");
    String d = createTask(tenant, "{\"title\":\"d\"}");
    String goneOpen = createTask(tenant, "{\"title\":\"gone open\",\"status\":\"in_progress\",\"sprint_id\":\""
        + gone + "\"}");
    String goneFinished = createTask(tenant, "{\"title\":\"gone finished\",\"status\":\"done\",\"sprint_id\":\""
        + gone + "\"}");
    labels.put(open, "open");
    labels.put(d, "d");

    sprintAction(done, "complete", "{\"move_open_tasks_to_sprint_id\":\"" + next + "\"}");
    send.accept(envelope("coditect.pm", "sprint.completed", done, Map.of("move_open_tasks_to_sprint_id", next)));
    sprintAction(gone, "start", null);
    sprintAction(gone, "complete", "{\"move_open_tasks_to_sprint_id\":\"" + next + "\"}");
    send.accept(envelope("coditect.pm", "sprint.completed", gone, Map.of("move_open_tasks_to_sprint_id", next)));
    api.call(HttpEvents.route("DELETE /v1/sprints/{sprint_id}").pathParam("sprint_id", gone).claims(acme.owner())
        .build()).assertStatus(204);
    send.accept(envelope("coditect.pm", "sprint.deleted", gone, Map.of()));
    api.call(HttpEvents.route("PATCH /v1/sprints/{sprint_id}").pathParam("sprint_id", cancelled).claims(acme.owner())
        .body("{\"status\":\"cancelled\"}").build()).assertStatus(200);
    send.accept(envelope("coditect.pm", "sprint.updated", cancelled, Map.of("status", "cancelled")));
    api.call(HttpEvents.route("DELETE /v1/sprints/{sprint_id}").pathParam("sprint_id", deleted).claims(acme.owner())
        .build()).assertStatus(204);
    send.accept(envelope("coditect.pm", "sprint.deleted", deleted, Map.of()));
    api.call(HttpEvents.route("DELETE /v1/milestones/{milestone_id}").pathParam("milestone_id", milestone)
        .claims(acme.owner()).build()).assertStatus(204);
    send.accept(envelope("coditect.pm", "milestone.deleted", milestone, Map.of()));
    api.env.softDelete("T#" + acme.id() + "#USER#" + leaver, "USER");
    send.accept(envelope("coditect.tenancy", "user.deleted", leaver, Map.of()));
    patch(open, "{\"parent_task_id\":\"" + d + "\"}").assertStatus(200);
    send.accept(envelope("coditect.pm", "task.updated", open, Map.of("parent_task_id", d)));

    if (reverseAndTwice) {
      Collections.reverse(held);
    }
    for (Map<String, Object> event : held) {
      events.handleRequest(event, null);
      if (reverseAndTwice) {
        events.handleRequest(event, null);
      }
    }

    Map<String, String> places = new TreeMap<>();
    for (String id : List.of(open, finished, inCancelled, inDeleted, child, d, goneOpen, goneFinished)) {
      JsonNode task = task(id).json();
      TaskItem item = TaskItem.SCHEMA.mapToItem(api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName())
          .key(PmKeys.task(tenant(), id).primaryKeyMap(TaskItem.SCHEMA)).consistentRead(true)).item());
      List<String> ancestors = item.ancestorIds() == null ? List.of()
          : item.ancestorIds().stream().map(a -> labels.getOrDefault(a, a)).toList();
      places.put(task.path("title").asText(), "sprint=" + label(labels, task, "sprint_id")
          + " milestone=" + label(labels, task, "milestone_id") + " assignee=" + label(labels, task, "assignee_id")
          + " parent=" + label(labels, task, "parent_task_id") + " ancestors=" + ancestors);
    }
    return places;
  }

  private static String label(Map<String, String> labels, JsonNode task, String field) {
    JsonNode value = task.path(field);
    return value.isNull() || value.isMissingNode() ? "-" : labels.getOrDefault(value.asText(), value.asText());
  }

  private String createSprint(SeededTenant tenant, String name) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/sprints")
        .pathParam("project_id", tenant.projectId()).claims(acme.owner())
        .body("{\"name\":\"" + name + "\",\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-14\"}").build());
    created.assertStatus(201);
    return created.text("id");
  }

  private void sprintAction(String sprintId, String action, String body) {
    var event = HttpEvents.route("POST /v1/sprints/{sprint_id}/" + action).pathParam("sprint_id", sprintId)
        .claims(acme.owner());
    if (body != null) {
      event.body(body);
    }
    api.call(event.build()).assertStatus(200);
  }

  private String createTask(SeededTenant tenant, String body) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", tenant.projectId()).claims(acme.member()).body(body).build());
    created.assertStatus(201);
    return created.text("id");
  }

  @Test
  void aDeletedSprintOrMilestoneLetsItsTasksGo() {
    String sprint = seedSprint("active");
    String milestone = seedMilestone();
    String id = createTask("{\"title\":\"t\",\"status\":\"done\",\"sprint_id\":\"" + sprint + "\",\"milestone_id\":\""
        + milestone + "\"}");
    deleteItem(PmKeys.sprint(tenant(), sprint));
    deleteItem(PmKeys.milestone(tenant(), milestone));

    deliver("sprint.deleted", sprint, Map.of());
    deliver("milestone.deleted", milestone, Map.of());

    HandlerResponse after = task(id);
    assertTrue(after.json().path("sprint_id").isNull());
    assertTrue(after.json().path("milestone_id").isNull());
    assertFalse(exists(PmKeys.milestone(tenant(), milestone)), "no counter item reappears for a deleted milestone");
    assertEquals(0, list(Map.of("milestone_id", milestone)).json().path("items").size());
  }

  @Test
  void aDeletedUsersTasksBecomeUnassignedInEveryProject() {
    String leaver = api.env.seedUser(acme.id(), "member");
    String other = api.env.seedProject(acme, "EVTB");
    String here = createTask("{\"title\":\"here\",\"assignee_id\":\"" + leaver + "\"}");
    HandlerResponse there = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks").pathParam("project_id", other)
        .claims(acme.member()).body("{\"title\":\"there\",\"assignee_id\":\"" + leaver + "\"}").build());
    there.assertStatus(201);
    String kept = createTask("{\"title\":\"kept\",\"assignee_id\":\"" + acme.memberId() + "\"}");

    api.env.softDelete("T#" + acme.id() + "#USER#" + leaver, "USER");
    deliverFrom("coditect.tenancy", "user.deleted", leaver, Map.of());

    assertTrue(task(here).json().path("assignee_id").isNull());
    assertTrue(task(there.text("id")).json().path("assignee_id").isNull());
    assertEquals(acme.memberId(), task(kept).text("assignee_id"));
    assertEquals(0, api.call(HttpEvents.route("GET /v1/tasks").claims(acme.owner()).query("assignee_id", leaver)
        .build()).json().path("items").size());
  }

  @Test
  void aTaskMovedUnderAnotherParentGivesItsSubtasksTheirNewPathSoCyclesStayImpossible() {
    String a = createTask("{\"title\":\"a\"}");
    String b = createTask("{\"title\":\"b\",\"parent_task_id\":\"" + a + "\"}");
    String c = createTask("{\"title\":\"c\",\"parent_task_id\":\"" + b + "\"}");
    String d = createTask("{\"title\":\"d\"}");

    patch(b, "{\"parent_task_id\":\"" + d + "\"}").assertStatus(200);
    deliver("task.updated", b, Map.of("parent_task_id", d));

    // d is now c's grandparent: making c d's parent would be a cycle.
    HandlerResponse cycle = patch(d, "{\"parent_task_id\":\"" + c + "\"}");
    cycle.assertStatus(422);
    assertEquals("parent_task_id", cycle.errorFields().get(0));
    patch(a, "{\"parent_task_id\":\"" + c + "\"}").assertStatus(200);
  }

  // ---------------------------------------------------------------- helpers

  private void deliver(String detailType, String resourceId, Map<String, String> newValues) {
    deliverFrom("coditect.pm", detailType, resourceId, newValues);
  }

  private void deliverFrom(String source, String detailType, String resourceId, Map<String, String> newValues) {
    events.handleRequest(envelope(source, detailType, resourceId, newValues), null);
  }

  private Map<String, Object> envelope(String source, String detailType, String resourceId,
      Map<String, String> newValues) {
    Map<String, Object> changes = new LinkedHashMap<>();
    newValues.forEach((field, value) -> {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("old", null);
      change.put("new", value);
      changes.put(field, change);
    });
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", detailType);
    detail.put("resource_id", resourceId);
    detail.put("changes", changes);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("detail", detail);
    return envelope;
  }

  private String createTask(String body) {
    HandlerResponse created = api.call(HttpEvents.route("POST /v1/projects/{project_id}/tasks")
        .pathParam("project_id", acme.projectId()).claims(acme.member()).body(body).build());
    created.assertStatus(201);
    return created.text("id");
  }

  private HandlerResponse task(String id) {
    return api.call(HttpEvents.route("GET /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.viewer()).build());
  }

  private HandlerResponse patch(String id, String body) {
    return api.call(HttpEvents.route("PATCH /v1/tasks/{task_id}").pathParam("task_id", id).claims(acme.member())
        .body(body).build());
  }

  private HandlerResponse list(Map<String, String> query) {
    var event = HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", acme.projectId())
        .claims(acme.viewer());
    query.forEach(event::query);
    return api.call(event.build());
  }

  private String history(String id) {
    StringBuilder actions = new StringBuilder();
    api.call(HttpEvents.route("GET /v1/tasks/{task_id}/activity").pathParam("task_id", id).claims(acme.viewer())
        .build()).json().path("items").forEach(row -> actions.append(row.path("action").asText()).append(':')
        .append(row.path("field_changed").asText("")).append(' '));
    return actions.toString();
  }

  private TenantId tenant() {
    return new TenantId(acme.id());
  }

  /** A sprint of the tenant's project with {@code status}, as the sprint routes store it. */
  private String seedSprint(String status) {
    String id = Ids.newId();
    putItem(PmKeys.sprint(tenant(), id), Map.of("entity_type", AttributeValue.fromS("SPRINT"),
        "id", AttributeValue.fromS(id), "project_id", AttributeValue.fromS(acme.projectId()),
        "status", AttributeValue.fromS(status), "version", AttributeValue.fromN("1")));
    return id;
  }

  /** Tasks join only open sprints: tests seed them open and close them afterwards. */
  private void setSprintStatus(String id, String status) {
    api.env.dynamoDb().updateItem(u -> u.tableName(api.env.tableName())
        .key(PmKeys.sprint(tenant(), id).primaryKeyMap(UniqueItem.SCHEMA))
        .updateExpression("SET #status = :status").expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(status))));
  }

  private String seedMilestone() {
    String id = Ids.newId();
    putItem(PmKeys.milestone(tenant(), id), Map.of("entity_type", AttributeValue.fromS("MILESTONE"),
        "id", AttributeValue.fromS(id), "project_id", AttributeValue.fromS(acme.projectId()),
        "task_total", AttributeValue.fromN("0"), "task_done", AttributeValue.fromN("0"),
        "version", AttributeValue.fromN("1")));
    return id;
  }

  private void putItem(software.amazon.awssdk.enhanced.dynamodb.Key key, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key.primaryKeyMap(UniqueItem.SCHEMA));
    item.putAll(attributes);
    api.env.dynamoDb().putItem(p -> p.tableName(api.env.tableName()).item(item));
  }

  private void deleteItem(software.amazon.awssdk.enhanced.dynamodb.Key key) {
    api.env.dynamoDb().deleteItem(d -> d.tableName(api.env.tableName()).key(key.primaryKeyMap(UniqueItem.SCHEMA)));
  }

  private boolean exists(software.amazon.awssdk.enhanced.dynamodb.Key key) {
    return api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName()).key(key.primaryKeyMap(UniqueItem.SCHEMA)))
        .hasItem();
  }
}

package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.store.Ids;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.coditect.workflows.domain.ApprovalIds;
import com.coditect.workflows.domain.ApprovalSteps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * Approval steps on moto: the engine's {@code step.started} (delivered to the events handler as its
 * rule would) makes the approvals; {@code GET /v1/approvals} and {@code POST .../approve|reject}
 * decide them; the quorum settles the step with exactly one {@code step.resolved}; the expiry
 * timer's {@code timer.fired} times it out; team approvers come from the workflows' copy of
 * tenancy's team events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalRoutesIT {

  private WorkflowsApi api;
  private SeededTenant acme;
  private SeededTenant globex;
  private WorkflowEventsHandler events;

  @BeforeAll
  void start() {
    api = new WorkflowsApi("approvals");
    acme = api.env.seedTenant("ACME");
    globex = api.env.seedTenant("GLOBEX");
    events = api.component.eventsHandler();
  }

  @AfterAll
  void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- step.started -> approvals

  @Test
  void anApprovalStepMakesOneApprovalPerApproverTheirEventsAndTheExpiryTimerOnce() {
    Step step = startStep(acme, acme.viewerId(), users(acme.ownerId(), acme.adminId(), acme.memberId())
        .put("quorum", 2).put("expires_in", "PT48H"));

    HandlerResponse inbox = list(acme.member(), "approver_id", "me", "status", "pending", "execution_id", step.executionId);
    inbox.assertStatus(200);
    assertEquals(List.of("Query"), inbox.dynamoCalls());
    assertEquals(1, inbox.json().path("items").size());
    JsonNode mine = inbox.json().path("items").get(0);
    assertEquals(ApprovalIds.of(step.stepId, acme.memberId()), mine.path("id").asText());
    assertEquals("pending", mine.path("status").asText());
    assertEquals(step.executionId, mine.path("execution_id").asText());
    assertEquals(step.workflowId, mine.path("workflow_id").asText());
    assertEquals("review", mine.path("node_id").asText());
    assertTrue(mine.path("team_id").isNull());
    assertFalse(mine.path("expires_at").isNull());

    List<JsonNode> requested = approvalEvents(step, "approval.requested");
    assertEquals(3, requested.size());
    JsonNode first = requested.get(0);
    assertEquals("approval", first.path("resource_type").asText());
    assertEquals(step.workflowId, first.path("workflow_id").asText());
    assertEquals(1, first.path("workflow_version").asLong());
    assertEquals(step.executionId, first.path("execution_id").asText());
    assertEquals("review", first.path("node_id").asText());
    assertTrue(first.path("decided_at").isNull());

    GetScheduleResponse timer = api.scheduler.getSchedule(b -> b.groupName("coditect-workflows")
        .name(ApprovalSteps.expiryTimerName(step.stepId)));
    JsonNode input = json(timer.target().input());
    assertEquals("approval_expiry", input.path("purpose").asText());
    assertEquals(step.stepId, input.path("step_id").asText());
    assertEquals(step.executionId, input.path("execution_id").asText());
    assertEquals(acme.id(), input.path("tenant_id").asText());
    assertEquals(mine.path("expires_at").asText(), input.path("due_at").asText());
    assertEquals("timer.fired", timer.target().eventBridgeParameters().detailType());
    assertTrue(timer.scheduleExpression().startsWith("at("), timer.scheduleExpression());

    // The rule redelivers: nothing is made twice.
    deliver("coditect.workflows", "step.started", step.detail);
    assertEquals(3, approvalEvents(step, "approval.requested").size());
    assertEquals(3, all(acme.admin(), "execution_id", step.executionId).size());
  }

  @Test
  void theRequesterIsNoApproverUnlessAllowed() {
    Step excluded = startStep(acme, acme.memberId(), users(acme.memberId(), acme.adminId()));
    assertEquals(List.of(acme.adminId()), approvers(excluded));

    Step allowed = startStep(acme, acme.memberId(), users(acme.memberId(), acme.adminId()).put("allow_requester", true));
    assertEquals(List.of(acme.memberId(), acme.adminId()), approvers(allowed));
  }

  @Test
  void aStepLeftWithoutApproversResolvesAtOnceWithAnError() {
    Step onlyRequester = startStep(acme, acme.memberId(), users(acme.memberId()));
    JsonNode resolved = onlyResolved(onlyRequester);
    assertEquals("error", resolved.path("outcome").asText());
    assertTrue(resolved.path("error_message").asText().contains("no approver"), resolved.toString());
    assertEquals(0, resolved.path("output").path("approved").asInt());
    assertEquals(List.of(), approvers(onlyRequester));

    Step tooFew = startStep(acme, null, users(acme.ownerId()).put("quorum", 2));
    assertTrue(onlyResolved(tooFew).path("error_message").asText().contains("quorum of 2"));
  }

  @Test
  void aStepWithMoreApproversThanOneTransactionSettlesOrAConfigItCannotUseResolvesWithAnError() {
    String[] many = new String[ApprovalSteps.MAX_APPROVERS + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = Ids.newId();
    }
    Step crowded = startStep(acme, null, users(many));
    assertTrue(onlyResolved(crowded).path("error_message").asText().contains("at most 40"));
    assertEquals(List.of(), approvers(crowded));

    Step atTheCap = startStep(acme, null, users(java.util.Arrays.copyOf(many, ApprovalSteps.MAX_APPROVERS)).put("quorum", 1));
    assertEquals(ApprovalSteps.MAX_APPROVERS, approvers(atTheCap).size());
    // The settling transaction expires the 39 others: 2 parts each, within DynamoDB's 100.
    String approver = many[0];
    HandlerResponse settled = approve(HttpEvents.claims(approver, acme.id(), "member"), approvalOf(atTheCap, approver), "");
    settled.assertStatus(200);
    assertEquals(ApprovalSteps.MAX_APPROVERS - 1, approvalEvents(atTheCap, "approval.expired").size());
    assertEquals("success", onlyResolved(atTheCap).path("outcome").asText());

    Step badDuration = startStep(acme, null, users(acme.ownerId()).put("expires_in", "two days"));
    assertTrue(onlyResolved(badDuration).path("error_message").asText().contains("expires_in"));
    Step badQuorum = startStep(acme, null, users(acme.ownerId()).put("quorum", 0));
    assertTrue(onlyResolved(badQuorum).path("error_message").asText().contains("quorum"));
  }

  // ---------------------------------------------------------------- quorum

  @Test
  void twoOfThreeApproveAndTheStepResolvesOnceWithSuccess() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId(), acme.memberId()).put("quorum", 2));

    HandlerResponse first = approve(acme.owner(), approvalOf(step, acme.ownerId()), "{\"comment\":\"Fine by me\"}");
    first.assertStatus(200);
    assertEquals("approved", first.text("status"));
    assertEquals("Fine by me", first.text("comment"));
    assertFalse(first.json().path("approved_at").isNull());
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), first.dynamoCalls());
    assertEquals(List.of(), resolvedEvents(step));

    HandlerResponse second = approve(acme.admin(), approvalOf(step, acme.adminId()), "");
    second.assertStatus(200);
    assertEquals(List.of("GetItem", "GetItem", "TransactWriteItems"), second.dynamoCalls());
    JsonNode resolved = onlyResolved(step);
    assertEquals("success", resolved.path("outcome").asText());
    assertEquals(step.stepId, resolved.path("step_id").asText());
    assertEquals("execution", resolved.path("resource_type").asText());
    assertTrue(resolved.path("error_message").isNull());
    assertEquals(2, resolved.path("output").path("approved").asInt());
    assertEquals(0, resolved.path("output").path("rejected").asInt());
    JsonNode decisions = resolved.path("output").path("decisions");
    assertEquals(2, decisions.size());
    assertEquals(acme.ownerId(), decisions.get(0).path("approver_id").asText());
    assertEquals("Fine by me", decisions.get(0).path("comment").asText());

    // The third approval is moot: expired with its event, and deciding it is 409.
    JsonNode moot = all(acme.admin(), "approver_id", acme.memberId(), "execution_id", step.executionId).get(0);
    assertEquals("expired", moot.path("status").asText());
    assertEquals(1, approvalEvents(step, "approval.expired").size());
    assertEquals(2, approvalEvents(step, "approval.approved").size());
    approve(acme.member(), approvalOf(step, acme.memberId()), "").assertStatus(409);
    assertEquals(1, resolvedEvents(step).size());
  }

  @Test
  void anyRejectionRejectsTheStepByDefault() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId()).put("quorum", 1));
    HandlerResponse rejected = reject(acme.admin(), approvalOf(step, acme.adminId()), "{\"comment\":\"No budget\"}");
    rejected.assertStatus(200);
    assertEquals("rejected", rejected.text("status"));
    JsonNode resolved = onlyResolved(step);
    assertEquals("error", resolved.path("outcome").asText());
    assertTrue(resolved.path("error_message").asText().startsWith("rejected by 1"), resolved.toString());
    assertEquals(1, resolved.path("output").path("rejected").asInt());
    assertEquals("No budget", resolved.path("output").path("decisions").get(0).path("comment").asText());
    approve(acme.owner(), approvalOf(step, acme.ownerId()), "").assertStatus(409);
  }

  @Test
  void moreRejectionsToRejectWaitUntilTheQuorumIsOutOfReach() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId(), acme.memberId())
        .put("quorum", 2).put("rejections_to_reject", 3));
    reject(acme.owner(), approvalOf(step, acme.ownerId()), "").assertStatus(200);
    assertEquals(List.of(), resolvedEvents(step));
    reject(acme.admin(), approvalOf(step, acme.adminId()), "").assertStatus(200);
    JsonNode resolved = onlyResolved(step);
    assertEquals("error", resolved.path("outcome").asText());
    assertTrue(resolved.path("error_message").asText().contains("can no longer be met"), resolved.toString());
  }

  @Test
  void concurrentDecisionsThatBothMeetTheQuorumResolveTheStepOnce() throws Exception {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId(), acme.memberId()).put("quorum", 2));
    approve(acme.owner(), approvalOf(step, acme.ownerId()), "").assertStatus(200);
    CountDownLatch ready = new CountDownLatch(2);
    List<Callable<APIGatewayV2HTTPResponse>> racers = new ArrayList<>();
    for (var claims : List.of(acme.admin(), acme.member())) {
      String approval = approvalOf(step, claims.get("sub"));
      WorkflowsHandler handler = DaggerTestWorkflowsComponent.factory().create(api.env.appConfig(),
          com.coditect.testing.TestInterceptors.of()).handler();
      racers.add(() -> {
        ready.countDown();
        ready.await();
        return handler.handleRequest(HttpEvents.route("POST /v1/approvals/{approval_id}/approve")
            .pathParam("approval_id", approval).claims(claims).build(), null);
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<APIGatewayV2HTTPResponse> answer : pool.invokeAll(racers)) {
        statuses.add(answer.get().getStatusCode());
      }
    } finally {
      pool.shutdownNow();
    }
    // One decision settles the step; the other finds its approval expired (or lost the race to it).
    assertTrue(statuses.contains(200), statuses.toString());
    assertEquals(1, resolvedEvents(step).size());
    assertEquals("success", onlyResolved(step).path("outcome").asText());
  }

  // ---------------------------------------------------------------- expiry

  @Test
  void theExpiryTimerTimesOutAPendingStepOnce() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId()).put("expires_in", "PT1H"));
    approve(acme.owner(), approvalOf(step, acme.ownerId()), "").assertStatus(200);

    deliver("workflows.schedules", "timer.fired", timer(step));
    JsonNode resolved = onlyResolved(step);
    assertEquals("timeout", resolved.path("outcome").asText());
    assertEquals(1, resolved.path("output").path("approved").asInt());
    assertTrue(resolved.path("error_message").asText().contains("expired"), resolved.toString());
    assertEquals(1, approvalEvents(step, "approval.expired").size());
    JsonNode expired = all(acme.admin(), "approver_id", acme.adminId(), "execution_id", step.executionId).get(0);
    assertEquals("expired", expired.path("status").asText());
    approve(acme.admin(), approvalOf(step, acme.adminId()), "").assertStatus(409);

    // A late or repeated timer finds the step settled.
    deliver("workflows.schedules", "timer.fired", timer(step));
    assertEquals(1, resolvedEvents(step).size());
  }

  @Test
  void aTimerOfAnotherPurposeIsNotAnExpiry() {
    Step step = startStep(acme, null, users(acme.ownerId()).put("expires_in", "PT1H"));
    ObjectNode wait = timer(step).put("purpose", "wait");
    deliver("workflows.schedules", "timer.fired", wait);
    assertEquals(List.of(), resolvedEvents(step));
  }

  @Test
  void anEndedExecutionClosesItsPendingApprovalStepsWithoutResolvingThem() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId()));
    approve(acme.owner(), approvalOf(step, acme.ownerId()), "").assertStatus(200);

    deliver("coditect.workflows", "execution.cancelled", executionEvent(step, "execution.cancelled"));
    assertEquals(List.of(), resolvedEvents(step));
    assertEquals(1, approvalEvents(step, "approval.expired").size());
    JsonNode admins = all(acme.admin(), "approver_id", acme.adminId(), "execution_id", step.executionId).get(0);
    assertEquals("expired", admins.path("status").asText());
    approve(acme.admin(), approvalOf(step, acme.adminId()), "").assertStatus(409);
    JsonNode owners = all(acme.admin(), "approver_id", acme.ownerId(), "execution_id", step.executionId).get(0);
    assertEquals("approved", owners.path("status").asText());

    // A settled step is no longer listed under its execution: a redelivery changes nothing.
    deliver("coditect.workflows", "execution.cancelled", executionEvent(step, "execution.cancelled"));
    assertEquals(1, approvalEvents(step, "approval.expired").size());
    Step settled = startStep(acme, null, users(acme.ownerId()));
    approve(acme.owner(), approvalOf(settled, acme.ownerId()), "").assertStatus(200);
    deliver("coditect.workflows", "execution.completed", executionEvent(settled, "execution.completed"));
    assertEquals(List.of(), approvalEvents(settled, "approval.expired"));
    assertEquals(1, resolvedEvents(settled).size());
  }

  // ---------------------------------------------------------------- teams

  @Test
  void teamApproversAreTheTeamsMembersAsTenancysEventsSayOnceEach() {
    String team = Ids.newId();
    String alice = api.env.seedUser(acme.id(), "member");
    String bob = api.env.seedUser(acme.id(), "member");
    teamEvent("team.member_added", team, alice, "2026-12-01T10:00:00.000Z");
    teamEvent("team.member_added", team, bob, "2026-12-01T10:00:01.000Z");
    teamEvent("team.member_added", team, acme.adminId(), "2026-12-01T10:00:02.000Z");
    teamEvent("team.member_removed", team, bob, "2026-12-01T10:00:03.000Z");
    // An addition delivered after the removal that followed it changes nothing.
    teamEvent("team.member_added", team, bob, "2026-12-01T10:00:01.000Z");

    ObjectNode config = users(acme.adminId());
    config.withObject("approvers").putArray("team_ids").add(team);
    Step step = startStep(acme, null, config);
    assertEquals(List.of(acme.adminId(), alice), approvers(step));
    JsonNode alices = list(HttpEvents.claims(alice, acme.id(), "member"), "approver_id", "me").json().path("items");
    assertEquals(team, alices.get(0).path("team_id").asText());

    teamEvent("team.deleted", team, null, "2026-12-01T11:00:00.000Z");
    teamEvent("team.member_added", team, bob, "2026-12-01T12:00:00.000Z");
    ObjectNode onlyTeam = object();
    onlyTeam.putObject("approvers").putArray("team_ids").add(team);
    Step gone = startStep(acme, null, onlyTeam);
    assertEquals("error", onlyResolved(gone).path("outcome").asText());
  }

  // ---------------------------------------------------------------- who may decide and list

  @Test
  void onlyTheApproverDecidesAndTheRequesterOnlyWhenAllowed() {
    Step step = startStep(acme, acme.memberId(), users(acme.memberId(), acme.adminId()).put("allow_requester", true));
    String adminsApproval = approvalOf(step, acme.adminId());
    approve(acme.owner(), adminsApproval, "").assertStatus(403);
    reject(acme.member(), adminsApproval, "").assertStatus(403);
    approve(globex.admin(), adminsApproval, "").assertStatus(404);
    approve(acme.admin(), Ids.newId(), "").assertStatus(404);

    // A step whose rule forbids the requester (the engine's requested_by) refuses their decision.
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#APPROVAL_STEP#" + step.stepId),
            "SK", AttributeValue.fromS("APPROVAL_STEP")))
        .updateExpression("SET allow_requester = :no").expressionAttributeValues(Map.of(":no", AttributeValue.fromBool(false))));
    approve(acme.member(), approvalOf(step, acme.memberId()), "").assertStatus(403);
    approve(acme.admin(), adminsApproval, "").assertStatus(200);
    approve(acme.admin(), adminsApproval, "").assertStatus(409);
  }

  @Test
  void decisionsNeedATokenAUuidAndAShortComment() {
    Step step = startStep(acme, null, users(acme.ownerId()));
    String approval = approvalOf(step, acme.ownerId());
    api.call(HttpEvents.route("POST /v1/approvals/{approval_id}/approve").pathParam("approval_id", approval).build())
        .assertStatus(401);
    HandlerResponse notUuid = approve(acme.owner(), "12345", "");
    notUuid.assertStatus(400);
    assertEquals(List.of("approval_id"), notUuid.errorFields());
    HandlerResponse longComment = approve(acme.owner(), approval, "{\"comment\":\"" + "x".repeat(1001) + "\"}");
    longComment.assertStatus(400);
    assertEquals(List.of("comment"), longComment.errorFields());
    HandlerResponse unknown = reject(acme.owner(), approval, "{\"reason\":\"no\"}");
    unknown.assertStatus(400);
    assertEquals(List.of("reason"), unknown.errorFields());
    approve(acme.owner(), approval, "{\"comment\":null}").assertStatus(200);
  }

  @Test
  void aDecisionWithIfMatchNeedsTheApprovalsVersionAndAnswersItsNewOne() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId()));
    String approval = approvalOf(step, acme.ownerId());
    HandlerResponse stale = api.call(HttpEvents.route("POST /v1/approvals/{approval_id}/approve")
        .pathParam("approval_id", approval).claims(acme.owner()).header("If-Match", "\"2\"").build());
    stale.assertStatus(412);
    assertEquals(List.of("GetItem"), stale.dynamoCalls());
    HandlerResponse decided = api.call(HttpEvents.route("POST /v1/approvals/{approval_id}/approve")
        .pathParam("approval_id", approval).claims(acme.owner()).header("If-Match", "\"1\"").build());
    decided.assertStatus(200);
    assertEquals("\"2\"", decided.header("ETag"));
    reject(acme.admin(), approvalOf(step, acme.adminId()), "").assertStatus(200);
  }

  @Test
  void membersListTheirOwnAndOwnersAndAdminsAnyonesOrEveryones() {
    Step step = startStep(acme, null, users(acme.ownerId(), acme.adminId(), acme.memberId(), acme.viewerId()));

    HandlerResponse everyone = adminList("execution_id", step.executionId);
    everyone.assertStatus(200);
    assertEquals(List.of("Query"), everyone.dynamoCalls());
    assertEquals(4, all(acme.admin(), "execution_id", step.executionId).size());
    assertEquals(4, all(acme.owner(), "workflow_id", step.workflowId).size());

    HandlerResponse own = list(acme.viewer(), "execution_id", step.executionId);
    own.assertStatus(200);
    assertEquals(1, own.json().path("items").size());
    assertEquals(acme.viewerId(), own.json().path("items").get(0).path("approver_id").asText());

    HandlerResponse othersAsMember = list(acme.member(), "approver_id", acme.ownerId());
    othersAsMember.assertStatus(403);
    assertEquals(List.of(), othersAsMember.dynamoCalls());
    HandlerResponse membersAsAdmin = list(acme.admin(), "approver_id", acme.memberId(), "execution_id", step.executionId);
    assertEquals(1, membersAsAdmin.json().path("items").size());

    assertEquals(0, list(acme.member(), "execution_id", step.executionId, "status", "approved").json().path("items").size());
    assertEquals(0, all(globex.admin(), "execution_id", step.executionId).size());

    list(acme.member(), "status", "maybe").assertStatus(400);
    assertEquals(List.of("approver_id"), list(acme.member(), "approver_id", "you").errorFields());
    assertEquals(List.of("workflow_id"), list(acme.member(), "workflow_id", "1").errorFields());
    api.call(HttpEvents.route("GET /v1/approvals").build()).assertStatus(401);
  }

  @Test
  void listsPageWithACursorBoundToTheirFilters() {
    String newcomer = api.env.seedUser(acme.id(), "member");
    Map<String, String> claims = HttpEvents.claims(newcomer, acme.id(), "member");
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      made.add(approvalOf(startStep(acme, null, users(newcomer)), newcomer));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      HandlerResponse page = cursor == null ? list(claims, "approver_id", "me", "status", "pending", "limit", "1")
          : list(claims, "approver_id", "me", "status", "pending", "limit", "1", "cursor", cursor);
      page.assertStatus(200);
      assertEquals(List.of("Query"), page.dynamoCalls());
      page.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
      cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
      if (cursor != null) {
        // A cursor is bound to the list it was made for.
        list(claims, "approver_id", "me", "status", "approved", "cursor", cursor).assertStatus(400);
      }
    } while (cursor != null);
    assertEquals(made, seen);
  }

  // ---------------------------------------------------------------- helpers

  private record Step(String executionId, String stepId, String workflowId, ObjectNode detail) {}

  private Step startStep(SeededTenant tenant, String requestedBy, ObjectNode config) {
    String executionId = Ids.newId();
    String stepId = Ids.newId();
    String workflowId = Ids.newId();
    ObjectNode detail = ApprovalStepEvents.started(tenant.id(), workflowId, executionId, stepId, config, requestedBy);
    deliver("coditect.workflows", "step.started", detail);
    return new Step(executionId, stepId, workflowId, detail);
  }

  private ObjectNode executionEvent(Step step, String action) {
    ObjectNode detail = object();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", action);
    detail.put("resource_type", "execution");
    detail.put("resource_id", step.executionId);
    detail.put("workflow_id", step.workflowId);
    return detail;
  }

  private ObjectNode timer(Step step) {
    ObjectNode detail = object();
    detail.put("tenant_id", acme.id());
    detail.put("execution_id", step.executionId);
    detail.put("step_id", step.stepId);
    detail.put("purpose", "approval_expiry");
    detail.put("due_at", "2026-12-03T12:00:00Z");
    return detail;
  }

  private void teamEvent(String action, String teamId, String userId, String occurredAt) {
    ObjectNode detail = object();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", acme.id());
    detail.put("action", action);
    detail.put("resource_type", "team");
    detail.put("resource_id", teamId);
    detail.put("occurred_at", occurredAt);
    ObjectNode member = detail.putObject("changes").putObject("member_user_id");
    if ("team.member_removed".equals(action)) {
      member.put("old", userId).putNull("new");
    } else {
      member.putNull("old").put("new", userId);
    }
    deliver("coditect.tenancy", action, detail);
  }

  private void deliver(String source, String detailType, ObjectNode detail) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("version", "0");
    envelope.put("id", Ids.newId());
    envelope.put("source", source);
    envelope.put("detail-type", detailType);
    envelope.put("detail", WorkflowsApi.MAPPER.convertValue(detail, Map.class));
    events.handleRequest(envelope, null);
  }

  private static ObjectNode users(String... userIds) {
    ObjectNode config = object();
    var ids = config.putObject("approvers").putArray("user_ids");
    for (String id : userIds) {
      ids.add(id);
    }
    return config;
  }

  private static ObjectNode object() {
    return WorkflowsApi.MAPPER.createObjectNode();
  }

  private String approvalOf(Step step, String userId) {
    return ApprovalIds.of(step.stepId, userId);
  }

  /** The step's approvers in the order the step asked them. */
  private List<String> approvers(Step step) {
    List<String> found = new ArrayList<>();
    for (JsonNode event : approvalEvents(step, "approval.requested")) {
      found.add(event.path("approver_id").asText());
    }
    return found;
  }

  private HandlerResponse list(Map<String, String> claims, String... query) {
    var event = HttpEvents.route("GET /v1/approvals").claims(claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  /** Every approval the list holds, read page by page (a filtered page may be short, or empty, and still go on). */
  private List<JsonNode> all(Map<String, String> claims, String... query) {
    List<JsonNode> found = new ArrayList<>();
    String cursor = null;
    do {
      List<String> asked = new ArrayList<>(List.of(query));
      asked.addAll(List.of("limit", "100"));
      if (cursor != null) {
        asked.addAll(List.of("cursor", cursor));
      }
      HandlerResponse page = list(claims, asked.toArray(String[]::new));
      page.assertStatus(200);
      page.json().path("items").forEach(found::add);
      cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
    } while (cursor != null);
    return found;
  }

  private HandlerResponse adminList(String... query) {
    return list(acme.admin(), query);
  }

  private HandlerResponse approve(Map<String, String> claims, String approvalId, String body) {
    return decide("approve", claims, approvalId, body);
  }

  private HandlerResponse reject(Map<String, String> claims, String approvalId, String body) {
    return decide("reject", claims, approvalId, body);
  }

  private HandlerResponse decide(String verb, Map<String, String> claims, String approvalId, String body) {
    var event = HttpEvents.route("POST /v1/approvals/{approval_id}/" + verb).pathParam("approval_id", approvalId)
        .claims(claims);
    if (!body.isEmpty()) {
      event.body(body);
    }
    return api.call(event.build());
  }

  private List<JsonNode> resolvedEvents(Step step) {
    return outbox().stream().filter(event -> "step.resolved".equals(event.path("action").asText())
        && step.stepId.equals(event.path("step_id").asText())).toList();
  }

  private JsonNode onlyResolved(Step step) {
    List<JsonNode> resolved = resolvedEvents(step);
    assertEquals(1, resolved.size(), resolved.toString());
    return resolved.get(0);
  }

  /** The step's approval events of {@code action}, in the order they were written. */
  private List<JsonNode> approvalEvents(Step step, String action) {
    return outbox().stream().filter(event -> action.equals(event.path("action").asText())
        && step.stepId.equals(event.path("step_id").asText())).toList();
  }

  /** Every outbox event of the table, oldest first (a test may Scan; the product never does). */
  private List<JsonNode> outbox() {
    List<JsonNode> found = new ArrayList<>(api.env.outboxEvents());
    found.sort((a, b) -> a.path("event_id").asText().compareTo(b.path("event_id").asText()));
    return found;
  }

  private static JsonNode json(String text) {
    try {
      return WorkflowsApi.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}

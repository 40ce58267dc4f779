package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.BusTap;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.store.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;

/**
 * Approval steps end to end, through the gateway and the template's rules: team membership made in
 * tenancy reaches the workflows' roster (its TeamMembership rule); an approval step's
 * {@code step.started} on the bus makes the approvals (ApprovalStepStarted); two of three approvers
 * approve through the gateway and exactly one {@code step.resolved} success reaches the bus; an
 * expiry timer's {@code timer.fired} on the bus (ApprovalExpired) resolves a step with timeout.
 *
 * <p>The engine and the local Scheduler are built beside this part, so the test puts their events
 * on the bus itself: the rule dispatcher takes them as EventBridge would from the bus, and what
 * the approvals part emits leaves through the outbox, the stream and the bus, where a tap sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowApprovalsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalApiHarness harness;
  private BusTap resolved;
  private Tenant acme;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    resolved = harness.tapBus("{\"source\":[\"coditect.workflows\"],\"detail-type\":[\"step.resolved\"]}");
    acme = harness.createTenant("Acme Approvals");
    // The template makes the workflows' schedule group; moto starts without it.
    try (SchedulerClient scheduler = SchedulerClient.builder().region(Region.US_EAST_1).endpointOverride(harness.moto())
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      scheduler.createScheduleGroup(b -> b.name("coditect-workflows"));
    } catch (ConflictException exists) {
      // another test class made it on this moto
    }
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules({"WorkflowEventsFunctionTeamMembership", "WorkflowEventsFunctionApprovalStepStarted"})
  void twoOfThreeApproversApproveAndExactlyOneStepResolvedSuccessReachesTheBus() {
    User ann = harness.addUser(acme, "member");
    User ben = harness.addUser(acme, "member");
    User cat = harness.addUser(acme, "member");
    String team = harness.create("/v1/teams", acme.ownerToken(), "{\"name\":\"Approvers\"}");
    harness.request("PUT", "/v1/teams/" + team + "/members/" + cat.id()).token(acme.ownerToken()).send().expect(200);
    LocalApiHarness.eventually("the team's member reached the workflows' roster", EVENTUALLY,
        () -> harness.deliveries("WorkflowEventsFunctionTeamMembership") > 0);

    ObjectNode config = JSON.createObjectNode().put("quorum", 2).put("expires_in", "PT48H");
    config.putObject("approvers").<ObjectNode>set("user_ids", JSON.createArrayNode().add(ann.id()).add(ben.id()))
        .putArray("team_ids").add(team);
    String stepId = stepStarted(config);

    for (User approver : List.of(ann, ben, cat)) {
      LocalApiHarness.eventually(approver.email() + " has a pending approval", EVENTUALLY,
          () -> inbox(approver, stepId).size() == 1);
    }
    assertEquals(team, inbox(cat, stepId).get(0).path("team_id").asText());

    approve(ann, stepId);
    approve(cat, stepId);
    JsonNode success = resolved.awaitEvent(event -> stepId.equals(event.path("detail").path("step_id").asText()),
        EVENTUALLY).orElseThrow(() -> new AssertionError("no step.resolved for the step on the bus"));
    assertEquals("success", success.path("detail").path("outcome").asText());
    assertEquals(2, success.path("detail").path("output").path("approved").asInt());
    // Ben's approval was moot: expired, and it changes nothing more.
    String bens = approvals(ben, "/v1/approvals?approver_id=me", stepId).get(0).path("id").asText();
    assertEquals("expired", approvals(ben, "/v1/approvals?approver_id=me", stepId).get(0).path("status").asText());
    harness.post("/v1/approvals/" + bens + "/approve", ben.token(), "{}").expect(409);
    List<JsonNode> forStep = resolved.drain(Duration.ofSeconds(2)).stream()
        .filter(event -> stepId.equals(event.path("detail").path("step_id").asText())).toList();
    assertEquals(1, forStep.size(), forStep.toString());
  }

  @Test
  @ExercisesRules({"WorkflowEventsFunctionApprovalStepStarted", "WorkflowEventsFunctionApprovalExpired"})
  void theExpiryTimerOnTheBusResolvesAPendingStepWithTimeout() {
    User dan = harness.addUser(acme, "member");
    ObjectNode config = JSON.createObjectNode().put("expires_in", "PT1H");
    config.putObject("approvers").putArray("user_ids").add(dan.id());
    String stepId = stepStarted(config);
    LocalApiHarness.eventually("the approval exists", EVENTUALLY, () -> inbox(dan, stepId).size() == 1);
    String executionId = inbox(dan, stepId).get(0).path("execution_id").asText();

    ObjectNode timer = JSON.createObjectNode().put("tenant_id", acme.id()).put("execution_id", executionId)
        .put("step_id", stepId).put("purpose", "approval_expiry")
        .put("due_at", inbox(dan, stepId).get(0).path("expires_at").asText());
    putOnBus("workflows.schedules", "timer.fired", timer);

    JsonNode timeout = resolved.awaitEvent(event -> stepId.equals(event.path("detail").path("step_id").asText()),
        EVENTUALLY).orElseThrow(() -> new AssertionError("no step.resolved for the expired step on the bus"));
    assertEquals("timeout", timeout.path("detail").path("outcome").asText());
    assertTrue(inbox(dan, stepId).isEmpty(), "the expired approval left the pending list");
  }

  @Test
  @ExercisesRules({"WorkflowEventsFunctionApprovalStepStarted", "WorkflowEventsFunctionApprovalsOfEndedExecution"})
  void aCancelledExecutionTakesItsPendingApprovalsOutOfTheInbox() {
    User eve = harness.addUser(acme, "member");
    ObjectNode config = JSON.createObjectNode();
    config.putObject("approvers").putArray("user_ids").add(eve.id());
    String stepId = stepStarted(config);
    LocalApiHarness.eventually("the approval exists", EVENTUALLY, () -> inbox(eve, stepId).size() == 1);
    String executionId = inbox(eve, stepId).get(0).path("execution_id").asText();

    putOnBus("coditect.workflows", "execution.cancelled", JSON.createObjectNode().put("event_id", Ids.newId())
        .put("tenant_id", acme.id()).put("action", "execution.cancelled").put("resource_type", "execution")
        .put("resource_id", executionId));
    LocalApiHarness.eventually("the cancelled execution's approval left the inbox", EVENTUALLY,
        () -> inbox(eve, stepId).isEmpty());
    assertEquals("expired", approvals(eve, "/v1/approvals?approver_id=me", stepId).get(0).path("status").asText());
  }

  /** Puts the engine's step.started of an approval node on the bus; returns the step's id. */
  private String stepStarted(ObjectNode config) {
    String step = Ids.newId();
    ObjectNode detail = JSON.createObjectNode()
        .put("event_id", Ids.newId()).put("tenant_id", acme.id()).put("action", "step.started")
        .put("resource_type", "execution").put("resource_id", Ids.newId())
        .put("workflow_id", Ids.newId()).put("workflow_version", 1).put("step_id", step)
        .put("node_id", "sign_off").put("node_type", "approval").put("node_name", "Sign-off").put("attempt", 1)
        .put("requested_by", acme.ownerId());
    detail.set("config", config);
    putOnBus("coditect.workflows", "step.started", detail);
    return step;
  }

  private void putOnBus(String source, String detailType, ObjectNode detail) {
    harness.api().rules().dispatch(List.of(new OutboxRecord(null, null, acme.id(), Ids.newId(), source, detailType,
        detail.toString())));
  }

  /** The user's pending approvals of the step ({@code approver_id=me&status=pending}, the inbox). */
  private List<JsonNode> inbox(User user, String stepId) {
    return approvals(user, "/v1/approvals?approver_id=me&status=pending", stepId);
  }

  private List<JsonNode> approvals(User user, String path, String stepId) {
    List<JsonNode> found = new ArrayList<>();
    harness.get(path, user.token()).expect(200).json().path("items").forEach(found::add);
    return found.stream().filter(item -> stepId.equals(item.path("step_id").asText())).toList();
  }

  private void approve(User user, String stepId) {
    harness.post("/v1/approvals/" + inbox(user, stepId).get(0).path("id").asText() + "/approve", user.token(),
        "{\"comment\":\"ok\"}").expect(200);
  }
}

package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reactions to events, end to end: a change goes in over HTTP through the gateway, its outbox
 * event reaches the bus through the table's stream, and the template's own rules deliver it to the
 * consumer functions (the local runtime's dispatch, matched with Event Ruler). Each test names the
 * rules it relies on ({@link ExercisesRules}); the test fails unless they delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventReactionsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private LocalApiHarness harness;
  private Tenant acme;
  private String owner;
  private String project;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Reactions");
    owner = acme.ownerToken();
    project = harness.create("/v1/projects", owner, "{\"key\":\"RX\",\"name\":\"Reactions\"}");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  // ---------------------------------------------------------------- project management

  @Test
  @ExercisesRules("PmEventsFunctionSprintCancelled")
  void aCancelledSprintReturnsItsTasksToTheBacklog() {
    String sprint = sprint("Cancelled soon");
    String task = harness.create("/v1/projects/" + project + "/tasks", owner,
        "{\"title\":\"Planned work\",\"sprint_id\":\"" + sprint + "\"}");

    harness.patch("/v1/sprints/" + sprint, owner, null, "{\"status\":\"cancelled\"}").expect(200);

    LocalApiHarness.eventually("the cancelled sprint's task is back in the backlog", EVENTUALLY,
        () -> task(task).path("sprint_id").isNull());
    assertEquals(List.of(), ids(harness.get("/v1/projects/" + project + "/tasks?sprint_id=" + sprint, owner)));
  }

  @Test
  @ExercisesRules("PmEventsFunctionSprintOrMilestoneClosed")
  void aDeletedSprintOrMilestoneLetsItsTasksGo() {
    String sprint = sprint("Deleted soon");
    String milestone = harness.create("/v1/projects/" + project + "/milestones", owner, "{\"title\":\"Dropped\"}");
    String task = harness.create("/v1/projects/" + project + "/tasks", owner, "{\"title\":\"Orphan\",\"sprint_id\":\""
        + sprint + "\",\"milestone_id\":\"" + milestone + "\"}");

    harness.delete("/v1/sprints/" + sprint, owner).expect(204);
    harness.delete("/v1/milestones/" + milestone, owner).expect(204);

    LocalApiHarness.eventually("the task left the deleted sprint and milestone", EVENTUALLY, () -> {
      JsonNode now = task(task);
      return now.path("sprint_id").isNull() && now.path("milestone_id").isNull();
    });
  }

  @Test
  @ExercisesRules("PmEventsFunctionTaskReparented")
  void aTaskMovedUnderAnotherParentGivesItsSubtasksTheirNewPath() {
    String a = harness.create("/v1/projects/" + project + "/tasks", owner, "{\"title\":\"a\"}");
    String b = harness.create("/v1/projects/" + project + "/tasks", owner, "{\"title\":\"b\",\"parent_task_id\":\"" + a
        + "\"}");
    String c = harness.create("/v1/projects/" + project + "/tasks", owner, "{\"title\":\"c\",\"parent_task_id\":\"" + b
        + "\"}");
    String d = harness.create("/v1/projects/" + project + "/tasks", owner, "{\"title\":\"d\"}");

    harness.patch("/v1/tasks/" + b, owner, null, "{\"parent_task_id\":\"" + d + "\"}").expect(200);

    LocalApiHarness.eventually("c's path runs through d", EVENTUALLY, () -> ancestors(c).equals(List.of(d, b)));
    // d is now c's grandparent, so making c d's parent is a cycle the API refuses.
    Response cycle = harness.patch("/v1/tasks/" + d, owner, null, "{\"parent_task_id\":\"" + c + "\"}").expect(422);
    assertEquals(List.of("parent_task_id"), cycle.errorFields());
  }

  // ---------------------------------------------------------------- a deleted user, everywhere

  @Test
  @ExercisesRules({"TenancyEventsFunctionUserDeleted", "PmEventsFunctionUserDeleted", "IdentitySyncFunctionUserChanges"})
  void aDeletedUserLeavesTheirTeamsTheirTasksAndTheUserPool() {
    User leaver = harness.addUser(acme, "member");
    User stayer = harness.addUser(acme, "member");
    String team = harness.create("/v1/teams", owner, "{\"name\":\"Leavers and stayers\"}");
    harness.request("PUT", "/v1/teams/" + team + "/members/" + leaver.id()).token(owner).send().expect(200);
    harness.request("PUT", "/v1/teams/" + team + "/members/" + stayer.id()).token(owner).send().expect(200);
    String theirs = harness.create("/v1/projects/" + project + "/tasks", owner,
        "{\"title\":\"Theirs\",\"assignee_id\":\"" + leaver.id() + "\"}");
    String others = harness.create("/v1/projects/" + project + "/tasks", owner,
        "{\"title\":\"Others\",\"assignee_id\":\"" + stayer.id() + "\"}");
    LocalApiHarness.eventually("the invited user has a sign-in", EVENTUALLY, () -> signIn(leaver.id()).isPresent());

    harness.delete("/v1/users/" + leaver.id(), owner).expect(204);

    LocalApiHarness.eventually("the deleted user left the team", EVENTUALLY,
        () -> members(team).equals(List.of(stayer.id())));
    LocalApiHarness.eventually("the deleted user's task is unassigned", EVENTUALLY,
        () -> task(theirs).path("assignee_id").isNull());
    LocalApiHarness.eventually("the deleted user's sign-in is disabled", EVENTUALLY,
        () -> signIn(leaver.id()).map(user -> !user.enabled()).orElse(false));
    assertEquals(stayer.id(), task(others).path("assignee_id").asText());
    assertTrue(signIn(stayer.id()).orElseThrow().enabled());
  }

  @Test
  @ExercisesRules("IdentitySyncFunctionUserChanges")
  void anInvitedUsersSignInFollowsTheirRoleAndTheirEmailCanBeInvitedAgainAfterADelete() {
    String email = "again-" + UUID.randomUUID() + "@example.com";
    User first = harness.addUser(acme, "member", email);
    LocalApiHarness.eventually("the invited user's sign-in carries tenant and role", EVENTUALLY,
        () -> attributes(first.id()).map(a -> acme.id().equals(a.get("custom:tenant_id"))
            && "member".equals(a.get("custom:role")) && email.equals(a.get("email"))).orElse(false));

    harness.patch("/v1/users/" + first.id(), owner, null, "{\"role\":\"admin\"}").expect(200);
    LocalApiHarness.eventually("the role change reaches the sign-in", EVENTUALLY,
        () -> attributes(first.id()).map(a -> "admin".equals(a.get("custom:role"))).orElse(false));

    harness.delete("/v1/users/" + first.id(), owner).expect(204);
    User again = harness.addUser(acme, "viewer", email);
    LocalApiHarness.eventually("the email signs in the new user", EVENTUALLY,
        () -> signIn(again.id()).map(AdminGetUserResponse::enabled).orElse(false));
    assertEquals(email, attributes(again.id()).orElseThrow().get("email"));
    assertEquals("viewer", attributes(again.id()).orElseThrow().get("custom:role"));
    assertFalse(signIn(first.id()).map(AdminGetUserResponse::enabled).orElse(false),
        "the deleted user's sign-in never comes back");
    assertEquals(List.of(again.id()), harness.cognito().listUsers(r -> r.userPoolId(harness.userPoolId())
        .filter("email = \"" + email + "\"")).users().stream().map(u -> u.username()).toList(),
        "the email signs in one user only");
  }

  // ---------------------------------------------------------------- helpers

  private String sprint(String name) {
    return harness.create("/v1/projects/" + project + "/sprints", owner, "{\"name\":\"" + name + " "
        + UUID.randomUUID().toString().substring(0, 8) + "\",\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-14\"}");
  }

  private JsonNode task(String id) {
    return harness.get("/v1/tasks/" + id, owner).expect(200).json();
  }

  /** A task's stored ancestor path (root first); the API does not show it. */
  private List<String> ancestors(String taskId) {
    Map<String, AttributeValue> item = harness.dynamoDb().getItem(g -> g.tableName(harness.settings().tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#TASK#" + taskId), "SK", AttributeValue.fromS("TASK")))
        .consistentRead(true)).item();
    List<String> path = new ArrayList<>();
    AttributeValue ancestors = item.get("ancestor_ids");
    if (ancestors != null && ancestors.hasL()) {
      ancestors.l().forEach(value -> path.add(value.s()));
    }
    return path;
  }

  private List<String> members(String teamId) {
    List<String> members = new ArrayList<>();
    harness.get("/v1/teams/" + teamId, owner).expect(200).json().path("members")
        .forEach(member -> members.add(member.path("user_id").asText()));
    return members;
  }

  private static List<String> ids(Response page) {
    return page.expect(200).itemIds();
  }

  private Optional<AdminGetUserResponse> signIn(String userId) {
    try {
      return Optional.of(harness.cognito().adminGetUser(r -> r.userPoolId(harness.userPoolId()).username(userId)));
    } catch (UserNotFoundException absent) {
      return Optional.empty();
    }
  }

  private Optional<Map<String, String>> attributes(String userId) {
    return signIn(userId).map(user -> {
      Map<String, String> attributes = new HashMap<>();
      user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
      return attributes;
    });
  }
}

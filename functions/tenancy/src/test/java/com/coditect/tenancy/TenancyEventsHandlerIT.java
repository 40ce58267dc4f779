package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user.deleted consumer: a deleted user leaves every team. */
class TenancyEventsHandlerIT {

  private TenancyApi api;
  private TenancyEventsHandler events;

  @BeforeEach
  void start() {
    api = new TenancyApi("tenancy-events");
    events = new TenancyEventsHandler(api.component);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private String team(SeededTenant tenant, String name, String memberId) {
    HandlerResponse team = api.call(HttpEvents.route("POST /v1/teams").claims(tenant.owner())
        .body("{\"name\":\"" + name + "\"}").build());
    String teamId = team.text("id");
    assertEquals(200, api.call(HttpEvents.route("PUT /v1/teams/{team_id}/members/{user_id}")
        .pathParam("team_id", teamId).pathParam("user_id", memberId).claims(tenant.owner()).build()).status());
    return teamId;
  }

  private int members(SeededTenant tenant, String teamId) {
    return api.call(HttpEvents.route("GET /v1/teams/{team_id}").pathParam("team_id", teamId)
        .claims(tenant.owner()).build()).json().path("members").size();
  }

  private static Map<String, Object> userDeleted(String tenantId, String userId) {
    return Map.of("version", "0", "id", UUID.randomUUID().toString(), "detail-type", "user.deleted",
        "source", "coditect.tenancy", "detail", Map.of("event_id", UUID.randomUUID().toString(),
            "tenant_id", tenantId, "action", "user.deleted", "resource_type", "user", "resource_id", userId));
  }

  @Test
  void aDeletedUserLeavesEveryTeamAndARedeliveryChangesNothing() {
    SeededTenant acme = api.seedTenant("Acme");
    String leaving = api.addUser(acme, "member");
    String staying = api.addUser(acme, "member");
    String red = team(acme, "Red", leaving);
    String blue = team(acme, "Blue", leaving);
    team(acme, "Green", staying);
    api.call(HttpEvents.route("PUT /v1/teams/{team_id}/members/{user_id}").pathParam("team_id", red)
        .pathParam("user_id", staying).claims(acme.owner()).build());

    assertEquals(204, api.call(HttpEvents.route("DELETE /v1/users/{user_id}").pathParam("user_id", leaving)
        .claims(acme.owner()).build()).status());
    events.handleRequest(userDeleted(acme.id(), leaving), null);

    assertEquals(1, members(acme, red), "only the deleted user leaves");
    assertEquals(0, members(acme, blue));

    api.calls.reset();
    events.handleRequest(userDeleted(acme.id(), leaving), null);
    assertEquals(List.of("GetItem", "Query"), api.calls.operations(), "nothing left to remove, nothing written");
    assertEquals(1, members(acme, red));
  }

  @Test
  void aUserDeletedEventForAUserWhoIsNotDeletedRemovesNothing() {
    SeededTenant acme = api.seedTenant("Stays");
    String member = api.addUser(acme, "member");
    String teamId = team(acme, "Kept", member);
    api.calls.reset();
    // A stray or forged event: the user's item says the user is live.
    events.handleRequest(userDeleted(acme.id(), member), null);
    assertEquals(List.of("GetItem"), api.calls.operations(), "the item decides; nothing read or written after it");
    assertEquals(1, members(acme, teamId));
  }

  /**
   * Two users deleted, one of them after a second user was invited with the same email and put in
   * the same team: the events in order, or in reverse and twice each, leave the same teams.
   */
  @Test
  void eventsInReverseAndTwiceLeaveTheTeamsTheInOrderEventsLeave() {
    Map<String, List<Integer>> inOrder = teamSizesAfter("InOrder", events -> events);
    Map<String, List<Integer>> late = teamSizesAfter("Late", events -> {
      List<Map<String, Object>> reversed = new ArrayList<>(events);
      Collections.reverse(reversed);
      List<Map<String, Object>> twice = new ArrayList<>();
      reversed.forEach(event -> {
        twice.add(event);
        twice.add(event);
      });
      return twice;
    });
    assertEquals(inOrder, late);
    assertEquals(Map.of("red", List.of(1), "blue", List.of(0), "green", List.of(2)), inOrder);
  }

  /**
   * Builds the same story in a new tenant through the API, holding back the {@code user.deleted}
   * events, then delivers them as {@code order} arranges; returns each team's member count.
   */
  private Map<String, List<Integer>> teamSizesAfter(String name,
      java.util.function.UnaryOperator<List<Map<String, Object>>> order) {
    SeededTenant acme = api.seedTenant(name);
    String first = api.addUser(acme, "member");
    String second = api.addUser(acme, "member");
    String staying = api.addUser(acme, "member");
    String red = team(acme, "Red", first);
    String blue = team(acme, "Blue", second);
    String green = team(acme, "Green", staying);
    addMember(acme, red, second);
    addMember(acme, red, staying);

    List<Map<String, Object>> held = new ArrayList<>();
    String firstEmail = api.call(HttpEvents.route("GET /v1/users/{user_id}").pathParam("user_id", first)
        .claims(acme.owner()).build()).text("email");
    deleteUser(acme, first);
    held.add(userDeleted(acme.id(), first));
    // The first user's email comes back as a new user, who joins a team: no late event may touch them.
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/users").claims(acme.owner())
        .body("{\"email\":\"" + firstEmail + "\",\"name\":\"Again\",\"role\":\"viewer\"}").build());
    assertEquals(201, again.status(), again.raw());
    addMember(acme, green, again.text("id"));
    deleteUser(acme, second);
    held.add(userDeleted(acme.id(), second));
    held.add(userDeleted(acme.id(), staying));   // a stray event for a live user

    order.apply(held).forEach(event -> events.handleRequest(event, null));
    return Map.of("red", List.of(members(acme, red)), "blue", List.of(members(acme, blue)),
        "green", List.of(members(acme, green)));
  }

  private void addMember(SeededTenant tenant, String teamId, String userId) {
    assertEquals(200, api.call(HttpEvents.route("PUT /v1/teams/{team_id}/members/{user_id}")
        .pathParam("team_id", teamId).pathParam("user_id", userId).claims(tenant.owner()).build()).status());
  }

  private void deleteUser(SeededTenant tenant, String userId) {
    assertEquals(204, api.call(HttpEvents.route("DELETE /v1/users/{user_id}").pathParam("user_id", userId)
        .claims(tenant.owner()).build()).status());
  }

  @Test
  void otherEventsAreIgnored() {
    SeededTenant acme = api.seedTenant("Quiet");
    String member = api.addUser(acme, "member");
    String teamId = team(acme, "Kept", member);
    api.calls.reset();
    events.handleRequest(Map.of("detail-type", "user.updated", "source", "coditect.tenancy",
        "detail", Map.of("tenant_id", acme.id(), "resource_id", member)), null);
    assertEquals(List.of(), api.calls.operations());
    assertEquals(1, members(acme, teamId));
  }
}

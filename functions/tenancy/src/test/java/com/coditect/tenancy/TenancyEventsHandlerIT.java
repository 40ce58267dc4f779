package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.tenancy.TenancyApi.SeededTenant;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
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
    assertEquals(java.util.List.of("Query"), api.calls.operations(), "nothing left to remove, nothing written");
    assertEquals(1, members(acme, red));
  }

  @Test
  void otherEventsAreIgnored() {
    SeededTenant acme = api.seedTenant("Quiet");
    String member = api.addUser(acme, "member");
    String teamId = team(acme, "Kept", member);
    api.calls.reset();
    events.handleRequest(Map.of("detail-type", "user.updated", "source", "coditect.tenancy",
        "detail", Map.of("tenant_id", acme.id(), "resource_id", member)), null);
    assertEquals(java.util.List.of(), api.calls.operations());
    assertEquals(1, members(acme, teamId));
  }
}

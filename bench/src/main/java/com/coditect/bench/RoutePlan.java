package com.coditect.bench;

import com.coditect.tenancy.TenancyHandler;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.WriteUnitMeter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per tenancy route, in an order where each finds what it needs (a
 * tenant, a user, a team, a project), counting the DynamoDB calls and write units of each. Where a
 * route has a cheaper and a dearer form, the dearer one is sent: creates carry an
 * {@code Idempotency-Key}, writes an {@code If-Match}, and the team membership is new.
 */
final class RoutePlan {

  static final String PLATFORM_ADMIN = "00000000-0000-7000-8000-0000000000be";

  private final RouteCalls calls;

  RoutePlan(TenancyHandler handler, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(handler, counter, meter);
  }

  /** A fresh tenant made as the platform admin; its owner's claims are {@link Tenant#owner()}. */
  Tenant createTenant(String name) {
    Reply created = call("POST /v1/tenants", event -> event
        .claims(HttpEvents.platformAdminClaims(PLATFORM_ADMIN))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"name\":\"" + name + "\",\"owner\":{\"email\":\"owner-" + UUID.randomUUID()
            + "@example.com\",\"name\":\"Bench Owner\"}}"));
    return new Tenant(created.text("id"), created.text("owner_user_id"));
  }

  /**
   * A live project of {@code tenant} made by its owner through tenancy's own route (not counted),
   * so the PM routes read a project exactly as tenancy stores it.
   */
  String createProject(Tenant tenant, String key, String name) {
    return calls.prepare("POST /v1/projects", event -> event.claims(tenant.owner())
        .body("{\"key\":\"" + key + "\",\"name\":\"" + name + "\"}")).text("id");
  }

  /** A member of {@code tenant} made by its owner through tenancy's route (not counted); returns the user id. */
  String createMember(Tenant tenant) {
    return calls.prepare("POST /v1/users", event -> event.claims(tenant.owner())
        .body("{\"email\":\"member-" + UUID.randomUUID() + "@example.com\",\"name\":\"Bench Member\","
            + "\"role\":\"member\"}")).text("id");
  }

  /** Sends one request per route and returns the counts, in the order sent. */
  List<RouteCount> run() {
    calls.clear();
    Tenant tenant = createTenant("Bench Routes");
    Map<String, String> owner = tenant.owner();

    call("GET /v1/openapi.json", event -> event);
    Reply tenantRead = call("GET /v1/tenant", event -> event.claims(owner));
    call("PATCH /v1/tenant", event -> event.claims(owner).header("If-Match", tenantRead.etag())
        .body("{\"industry\":\"Software\"}"));
    Reply me = call("GET /v1/me", event -> event.claims(owner));
    call("PATCH /v1/me", event -> event.claims(owner).header("If-Match", me.etag())
        .body("{\"timezone\":\"Europe/Berlin\"}"));

    String userId = call("POST /v1/users", event -> event.claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"email\":\"member-" + UUID.randomUUID() + "@example.com\",\"name\":\"Bench Member\","
            + "\"role\":\"member\"}")).text("id");
    call("GET /v1/users", event -> event.claims(owner));
    Reply user = call("GET /v1/users/{user_id}", event -> event.claims(owner).pathParam("user_id", userId));
    Reply userPatched = call("PATCH /v1/users/{user_id}", event -> event.claims(owner)
        .pathParam("user_id", userId).header("If-Match", user.etag()).body("{\"name\":\"Bench Renamed\"}"));

    String teamId = call("POST /v1/teams", event -> event.claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"name\":\"Bench Team\"}")).text("id");
    call("GET /v1/teams", event -> event.claims(owner));
    Reply team = call("GET /v1/teams/{team_id}", event -> event.claims(owner).pathParam("team_id", teamId));
    Reply teamPatched = call("PATCH /v1/teams/{team_id}", event -> event.claims(owner)
        .pathParam("team_id", teamId).header("If-Match", team.etag()).body("{\"description\":\"Measured\"}"));
    call("PUT /v1/teams/{team_id}/members/{user_id}", event -> event.claims(owner)
        .pathParam("team_id", teamId).pathParam("user_id", userId));
    call("DELETE /v1/teams/{team_id}/members/{user_id}", event -> event.claims(owner)
        .pathParam("team_id", teamId).pathParam("user_id", userId));

    String projectId = call("POST /v1/projects", event -> event.claims(owner)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body("{\"key\":\"BENCH\",\"name\":\"Bench Project\"}")).text("id");
    call("GET /v1/projects", event -> event.claims(owner));
    Reply project = call("GET /v1/projects/{project_id}", event -> event.claims(owner)
        .pathParam("project_id", projectId));
    Reply projectPatched = call("PATCH /v1/projects/{project_id}", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("If-Match", project.etag()).body("{\"name\":\"Renamed\"}"));

    // Deletes last, and the team and user only once nothing refers to them any more.
    call("DELETE /v1/projects/{project_id}", event -> event.claims(owner)
        .pathParam("project_id", projectId).header("If-Match", projectPatched.etag()));
    call("DELETE /v1/teams/{team_id}", event -> event.claims(owner)
        .pathParam("team_id", teamId).header("If-Match", teamPatched.etag()));
    call("DELETE /v1/users/{user_id}", event -> event.claims(owner)
        .pathParam("user_id", userId).header("If-Match", userPatched.etag()));
    return calls.counts();
  }

  /** A measured request: its DynamoDB calls become a row of the table. */
  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  /** A seeded tenant: its id and its owner's user id. */
  record Tenant(String id, String ownerId) {
    Map<String, String> owner() {
      return HttpEvents.claims(ownerId, id, "owner");
    }
  }
}

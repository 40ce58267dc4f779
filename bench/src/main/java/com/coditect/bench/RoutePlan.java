package com.coditect.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.Json;
import com.coditect.tenancy.TenancyHandler;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per tenancy route, in an order where each finds what it needs (a
 * tenant, a user, a team, a project), counting the DynamoDB calls of each. Where a route has a
 * cheaper and a dearer form, the dearer one is sent: creates carry an {@code Idempotency-Key},
 * writes an {@code If-Match}, and the team membership is new.
 */
final class RoutePlan {

  static final String PLATFORM_ADMIN = "00000000-0000-7000-8000-0000000000be";
  private static final ObjectMapper MAPPER = Json.newMapper();

  private final TenancyHandler handler;
  private final DynamoDbCallCounter counter;
  private final List<RouteCount> counts = new ArrayList<>();

  RoutePlan(TenancyHandler handler, DynamoDbCallCounter counter) {
    this.handler = handler;
    this.counter = counter;
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

  /** Sends one request per route and returns the counts, in the order sent. */
  List<RouteCount> run() {
    counts.clear();
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
    return List.copyOf(counts);
  }

  /** Sends one request, which must succeed, and records its DynamoDB calls. */
  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    var event = shape.apply(HttpEvents.route(routeKey)).build();
    counter.reset();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    counts.add(new RouteCount(routeKey, counter.operations()));
    if (response.getStatusCode() / 100 != 2) {
      throw new IllegalStateException(routeKey + " answered " + response.getStatusCode() + ": " + response.getBody());
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getHeaders() != null) {
      headers.putAll(response.getHeaders());
    }
    return new Reply(headers, json(response.getBody()));
  }

  private static JsonNode json(String body) {
    if (body == null || body.isEmpty()) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("response body is not JSON: " + body, e);
    }
  }

  /** A seeded tenant: its id and its owner's user id. */
  record Tenant(String id, String ownerId) {
    Map<String, String> owner() {
      return HttpEvents.claims(ownerId, id, "owner");
    }
  }

  /** A successful response's headers and body. */
  private record Reply(Map<String, String> headers, JsonNode json) {
    String text(String field) {
      JsonNode value = json.get(field);
      if (value == null || !value.isTextual()) {
        throw new IllegalStateException("response has no text field " + field + ": " + json);
      }
      return value.textValue();
    }

    String etag() {
      String etag = headers.get("ETag");
      if (etag == null) {
        throw new IllegalStateException("response has no ETag: " + json);
      }
      return etag;
    }
  }
}

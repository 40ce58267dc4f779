package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The tenancy function on moto, driven with real HTTP API v2 events. Every response is checked
 * against the OpenAPI document, and every call's DynamoDB requests are counted.
 */
final class TenancyApi implements AutoCloseable {

  static final ObjectMapper MAPPER = Json.newMapper();
  static final String PLATFORM_ADMIN = "00000000-0000-7000-8000-000000000001";

  final AwsTestEnvironment env;
  final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  final TestTenancyComponent component;
  final TenancyHandler handler;
  private final OpenApiContract contract = OpenApiContract.load();

  TenancyApi(String name) {
    env = AwsTestEnvironment.create(name);
    component = DaggerTestTenancyComponent.factory().create(env.appConfig(), calls);
    handler = new TenancyHandler(component);
  }

  /** Sends one request; the response must match the OpenAPI document. */
  Response call(APIGatewayV2HTTPEvent event) {
    calls.reset();
    APIGatewayV2HTTPResponse raw = handler.handleRequest(event, null);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (raw.getHeaders() != null) {
      headers.putAll(raw.getHeaders());
    }
    contract.assertResponse(event.getRouteKey(), raw.getStatusCode(), headers, raw.getBody());
    JsonNode json = null;
    try {
      json = raw.getBody() == null || raw.getBody().isEmpty() ? null : MAPPER.readTree(raw.getBody());
    } catch (Exception e) {
      throw new AssertionError("response body is not JSON: " + raw.getBody(), e);
    }
    return new Response(raw.getStatusCode(), headers, json, raw.getBody(), calls.operations());
  }

  /** A tenant made through {@code POST /v1/tenants}, with its owner. */
  SeededTenant seedTenant(String name) {
    Response created = call(HttpEvents.route("POST /v1/tenants")
        .claims(HttpEvents.platformAdminClaims(PLATFORM_ADMIN))
        .body("{\"name\":\"" + name + "\",\"owner\":{\"email\":\"owner-" + UUID.randomUUID()
            + "@example.com\",\"name\":\"Olive Owner\"}}")
        .build());
    assertEquals(201, created.status(), created.raw());
    return new SeededTenant(created.text("id"), created.text("owner_user_id"));
  }

  /** Invites a user with {@code role} into the tenant (as its owner) and returns the new id. */
  String addUser(SeededTenant tenant, String role) {
    Response created = call(HttpEvents.route("POST /v1/users")
        .claims(tenant.owner())
        .body("{\"email\":\"" + role + "-" + UUID.randomUUID() + "@example.com\",\"name\":\"A " + role
            + "\",\"role\":\"" + role + "\"}")
        .build());
    assertEquals(201, created.status(), created.raw());
    return created.text("id");
  }

  @Override
  public void close() {
    env.close();
  }

  /** A seeded tenant and the claims of its members. */
  record SeededTenant(String id, String ownerId) {
    Map<String, String> owner() {
      return HttpEvents.claims(ownerId, id, "owner");
    }

    Map<String, String> as(String userId, String role) {
      return HttpEvents.claims(userId, id, role);
    }
  }

  /** A response with its DynamoDB operations. */
  record Response(int status, Map<String, String> headers, JsonNode json, String raw, List<String> dynamoCalls) {
    String text(String field) {
      return json.path(field).asText(null);
    }

    String header(String name) {
      return headers.get(name);
    }

    /** The fields named in a problem's {@code errors}. */
    List<String> errorFields() {
      return json.path("errors").findValuesAsText("field");
    }

    int calls(String operation) {
      return (int) dynamoCalls.stream().filter(operation::equals).count();
    }
  }
}

package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.ContractClient;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
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
  private final ContractClient client;

  TenancyApi(String name) {
    env = AwsTestEnvironment.create(name);
    component = DaggerTestTenancyComponent.factory().create(env.appConfig(), TestInterceptors.of(calls));
    handler = new TenancyHandler(component);
    client = new ContractClient(handler, calls);
  }

  /** Sends one request; the response must match the OpenAPI document. */
  HandlerResponse call(APIGatewayV2HTTPEvent event) {
    return client.call(event);
  }

  /** A tenant made through {@code POST /v1/tenants}, with its owner. */
  SeededTenant seedTenant(String name) {
    HandlerResponse created = call(HttpEvents.route("POST /v1/tenants")
        .claims(HttpEvents.platformAdminClaims(PLATFORM_ADMIN))
        .body("{\"name\":\"" + name + "\",\"owner\":{\"email\":\"owner-" + UUID.randomUUID()
            + "@example.com\",\"name\":\"Olive Owner\"}}")
        .build());
    assertEquals(201, created.status(), created.raw());
    return new SeededTenant(created.text("id"), created.text("owner_user_id"));
  }

  /** Invites a user with {@code role} into the tenant (as its owner) and returns the new id. */
  String addUser(SeededTenant tenant, String role) {
    HandlerResponse created = call(HttpEvents.route("POST /v1/users")
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
}

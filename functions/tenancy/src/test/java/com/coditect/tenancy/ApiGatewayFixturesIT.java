package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.TemplateRoute;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Whole API Gateway payloads as HTTP API sends them (src/test/resources/events): headers in lower
 * case, Cognito ID-token claims, a base64-encoded body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayFixturesIT {

  private TenancyApi api;

  @BeforeAll
  void start() {
    api = new TenancyApi("fixtures");
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private static APIGatewayV2HTTPEvent withClaims(String fixture, Map<String, String> claims) {
    APIGatewayV2HTTPEvent event = HttpEvents.fixture(fixture);
    Map<String, String> merged = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
    merged.putAll(claims);
    event.getRequestContext().getAuthorizer().getJwt().setClaims(merged);
    return event;
  }

  @Test
  void servesTheOpenApiDocumentWithoutAToken() throws Exception {
    HandlerResponse response = api.call(HttpEvents.fixture("get_openapi_json_public"));
    assertEquals(200, response.status());
    assertEquals("3.1.0", response.text("openapi"));
    for (TemplateRoute route : CloudTemplate.load().routesOf("com.coditect.tenancy.TenancyHandler")) {
      assertTrue(response.json().path("paths").path(route.path()).has(route.method().toLowerCase()),
          "served document lacks " + route.routeKey());
    }
    assertTrue(response.dynamoCalls().isEmpty());
  }

  @Test
  void createsReadsAndUpdatesATenantFromGatewayPayloads() {
    HandlerResponse created = api.call(HttpEvents.fixture("post_tenants_ok"));
    assertEquals(201, created.status(), created.raw());
    assertEquals("Fixture Industries", created.text("name"));
    HandlerResponse replayed = api.call(HttpEvents.fixture("post_tenants_ok"));
    assertEquals(created.text("id"), replayed.text("id"), "the fixture's Idempotency-Key replays");

    Map<String, String> owner = Map.of("sub", created.text("owner_user_id"), "custom:tenant_id", created.text("id"),
        "custom:role", "owner");
    HandlerResponse read = api.call(withClaims("get_tenant_ok", owner));
    assertEquals(200, read.status());
    assertEquals(created.text("id"), read.text("id"));

    HandlerResponse patched = api.call(withClaims("patch_tenant_ok", owner));
    assertEquals(200, patched.status(), patched.raw());
    assertEquals("Manufacturing", patched.text("industry"));
    assertEquals("\"2\"", patched.header("ETag"));
  }
}

package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventsTest {

  @Test
  void fixtureRoundTripsThroughTheEventClass() throws Exception {
    APIGatewayV2HTTPEvent event = HttpEvents.fixture("get_tenant_ok");

    assertEquals("GET /v1/tenant", event.getRouteKey());
    assertEquals("/v1/tenant", event.getRawPath());
    assertFalse(event.getIsBase64Encoded());
    assertEquals("GET", event.getRequestContext().getHttp().getMethod());
    assertEquals(1795633980123L, event.getRequestContext().getTimeEpoch());
    Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
    assertEquals("0193b6a4-6f00-7a11-8e42-5c9d0b1a2f33", claims.get("custom:tenant_id"));
    assertEquals("admin", claims.get("custom:role"));

    // Every field of the fixture survives a trip through the POJO: nothing is silently dropped
    // because of a name mismatch (isBase64Encoded is the usual suspect).
    ObjectMapper mapper = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    JsonNode original;
    try (InputStream in = getClass().getResourceAsStream("/events/get_tenant_ok.json")) {
      original = withoutNulls(mapper.readTree(in));
    }
    assertEquals(original, mapper.valueToTree(event));
  }

  @Test
  void buildsAnAuthenticatedEventLikeTheGateway() {
    APIGatewayV2HTTPEvent event = HttpEvents.route("PATCH /v1/users/{user_id}")
        .pathParam("user_id", "123")
        .query("limit", "10")
        .query("tag", "a b")
        .query("tag", "c")
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"Ada\"}")
        .claims(HttpEvents.claims("u-1", "t-1", "admin"))
        .build();

    assertEquals("2.0", event.getVersion());
    assertEquals("PATCH /v1/users/{user_id}", event.getRouteKey());
    assertEquals("/v1/users/123", event.getRawPath());
    assertEquals(Map.of("user_id", "123"), event.getPathParameters());
    assertEquals("limit=10&tag=a+b&tag=c", event.getRawQueryString());
    assertEquals(Map.of("limit", "10", "tag", "a b,c"), event.getQueryStringParameters());
    assertEquals("\"1\"", event.getHeaders().get("if-match"));
    assertEquals("application/json", event.getHeaders().get("content-type"));
    assertEquals("{\"name\":\"Ada\"}", event.getBody());
    assertFalse(event.getIsBase64Encoded());

    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertEquals("PATCH /v1/users/{user_id}", context.getRouteKey());
    assertEquals("$default", context.getStage());
    assertEquals("PATCH", context.getHttp().getMethod());
    assertEquals("/v1/users/123", context.getHttp().getPath());
    assertEquals("203.0.113.10", context.getHttp().getSourceIp());
    assertEquals("coditect-tests", context.getHttp().getUserAgent());
    assertTrue(context.getTimeEpoch() > 0);
    assertFalse(context.getRequestId().isBlank());
    assertEquals(Map.of("sub", "u-1", "custom:tenant_id", "t-1", "custom:role", "admin",
        "custom:platform_admin", "false"), context.getAuthorizer().getJwt().getClaims());
  }

  @Test
  void derivesPathParametersFromAnExplicitPath() {
    APIGatewayV2HTTPEvent event = HttpEvents.route("DELETE /v1/teams/{team_id}/members/{user_id}")
        .path("/v1/teams/t-9/members/u-7")
        .build();

    assertEquals(Map.of("team_id", "t-9", "user_id", "u-7"), event.getPathParameters());
  }

  @Test
  void anAnonymousEventHasNoAuthorizerNorBody() {
    APIGatewayV2HTTPEvent event = HttpEvents.route("GET /v1/openapi.json")
        .sourceIp("198.51.100.1")
        .userAgent("curl/8.5.0")
        .build();

    assertNull(event.getRequestContext().getAuthorizer());
    assertNull(event.getBody());
    assertNull(event.getPathParameters());
    assertNull(event.getQueryStringParameters());
    assertEquals("", event.getRawQueryString());
    assertFalse(event.getHeaders().containsKey("content-type"));
    assertEquals("198.51.100.1", event.getRequestContext().getHttp().getSourceIp());
    assertEquals("curl/8.5.0", event.getHeaders().get("user-agent"));
  }

  @Test
  void platformAdminClaimsCarryTheFlag() {
    assertEquals(Map.of("sub", "op-1", "custom:platform_admin", "true"), HttpEvents.platformAdminClaims("op-1"));
  }

  @Test
  void refusesToGuessAMissingPathParameter() {
    assertThrows(IllegalStateException.class, () -> HttpEvents.route("GET /v1/users/{user_id}").build());
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getValue().isNull()) {
          nulls.add(field.getKey());
        } else {
          withoutNulls(field.getValue());
        }
      }
      object.remove(nulls);
    }
    return node;
  }
}

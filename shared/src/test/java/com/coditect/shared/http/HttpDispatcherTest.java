package com.coditect.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.Json;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpDispatcherTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final String TENANT = "0191d3f2-7a00-7000-8000-000000000001";
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  private final HttpDispatcher dispatcher = new HttpDispatcher(Router.builder()
      .publicRoute("GET /v1/public", request -> ApiResponse.ok(Map.of("open", true)))
      .route("GET /v1/whoami", Access.ANY_ROLE,
          (request, caller) -> ApiResponse.ok(Map.of("tenant", caller.tenantId().value())))
      .route("POST /v1/boom", Access.ANY_ROLE, (request, caller) -> {
        throw new IllegalStateException("secret table coditect-prod password=hunter2");
      })
      .route("POST /v1/clash", Access.ANY_ROLE, (request, caller) -> {
        throw ConflictException.forField("name", "is already in use");
      })
      .route("DELETE /v1/admins-only", Access.ADMINS, (request, caller) -> {
        throw new AssertionError("the route ran for a role its table does not allow");
      })
      .build());

  @BeforeEach
  void captureLogs() {
    Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLogs() {
    Log.redirect(System.out);
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, boolean withClaims, String body) {
    return event(routeKey, withClaims ? Map.of("sub", "u1", "custom:tenant_id", TENANT, "custom:role", "member") : null,
        body);
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> claims, String body) {
    RequestContext context = new RequestContext();
    context.setRequestId("req-123");
    if (claims != null) {
      RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
      RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
      jwt.setClaims(claims);
      authorizer.setJwt(jwt);
      context.setAuthorizer(authorizer);
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(routeKey);
    event.setRequestContext(context);
    event.setBody(body);
    return event;
  }

  private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
    return MAPPER.readTree(response.getBody());
  }

  @Test
  void routesByRouteKeyWithThePrincipalFromClaims() throws Exception {
    APIGatewayV2HTTPResponse response = dispatcher.dispatch(event("GET /v1/whoami", true, null));
    assertEquals(200, response.getStatusCode());
    assertEquals(TENANT, body(response).get("tenant").asText());
  }

  @Test
  void noClaimsIs401ProblemJson() throws Exception {
    APIGatewayV2HTTPResponse response = dispatcher.dispatch(event("GET /v1/whoami", false, null));
    assertEquals(401, response.getStatusCode());
    assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
    assertEquals("req-123", body(response).get("request_id").asText());
  }

  @Test
  void theRouteTableRefusesARoleBeforeTheRouteRuns() throws Exception {
    APIGatewayV2HTTPResponse member = dispatcher.dispatch(event("DELETE /v1/admins-only", true, null));
    assertEquals(403, member.getStatusCode());
    assertEquals("application/problem+json", member.getHeaders().get("Content-Type"));
    assertTrue(body(member).get("detail").asText().contains("owner, admin"), member.getBody());

    APIGatewayV2HTTPResponse platformAdmin = dispatcher.dispatch(event("DELETE /v1/admins-only",
        Map.of("sub", "root", "custom:platform_admin", "true"), null));
    assertEquals(401, platformAdmin.getStatusCode(), "a tenant route needs a token of a tenant");
  }

  @Test
  void publicRoutesNeedNoToken() {
    assertEquals(200, dispatcher.dispatch(event("GET /v1/public", false, null)).getStatusCode());
  }

  @Test
  void apiExceptionsKeepTheirStatusAndFieldErrors() throws Exception {
    APIGatewayV2HTTPResponse response = dispatcher.dispatch(event("POST /v1/clash", true, null));
    assertEquals(409, response.getStatusCode());
    assertEquals("name", body(response).get("errors").get(0).get("field").asText());
  }

  @Test
  void unexpectedErrorsAre500WithoutInternals() throws Exception {
    APIGatewayV2HTTPResponse response = dispatcher.dispatch(event("POST /v1/boom", true, "{\"card\":\"4242\"}"));
    assertEquals(500, response.getStatusCode());
    assertFalse(response.getBody().contains("hunter2"));
    assertFalse(response.getBody().contains("IllegalStateException"));
    assertEquals("req-123", body(response).get("request_id").asText());
  }

  @Test
  void logLinesCarryRequestAndTenantButNeverBodies() {
    dispatcher.dispatch(event("POST /v1/boom", true, "{\"card\":\"4242\"}"));
    String logged = logs.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("\"request_id\":\"req-123\""), logged);
    assertTrue(logged.contains("\"tenant_id\":\"" + TENANT + "\""), logged);
    assertFalse(logged.contains("4242"), "request bodies must never be logged");
    assertFalse(logged.contains("hunter2"), "exception messages may carry data; only the class is logged");
  }

  @Test
  void unknownRouteIs404() {
    assertEquals(404, dispatcher.dispatch(event("GET /v1/nothing", true, null)).getStatusCode());
  }
}

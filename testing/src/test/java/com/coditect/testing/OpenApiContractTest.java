package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class OpenApiContractTest {

  private static final Map<String, String> PROBLEM = Map.of("Content-Type", "application/problem+json");
  private static final String UNAUTHORIZED = """
      {"type":"https://docs.coditect.dev/problems/unauthorized","title":"Unauthorized","status":401,
       "detail":"A valid bearer token is required.","request_id":"CZr8ShXyIAMEbQw=","errors":[]}""";
  private static final String TENANT = """
      {"id":"0193b6a4-6f00-7a11-8e42-5c9d0b1a2f33","name":"Acme","slug":"acme","status":"active",
       "owner_user_id":"0193b6a4-7c1e-74f2-9c3d-2b8e5f6a7d10","phone_number":null,"website":null,
       "industry":null,"company_size":null,"billing_email":"billing@acme.example","tax_id":null,
       "audit_retention_days":365,"storage_used_bytes":0,"stripe_customer_id":null,
       "stripe_subscription_id":null,"created_at":"2026-11-25T19:13:00.123Z","updated_at":"2026-11-25T19:13:00.123Z"}""";

  private final OpenApiContract contract = OpenApiContract.load();

  @Test
  void documentsExactlyTheRoutesOfTheTemplate() {
    Set<String> templateRoutes = CloudTemplate.load().routes().stream()
        .map(TemplateRoute::routeKey)
        .collect(Collectors.toSet());

    assertEquals(templateRoutes, contract.routeKeys());
  }

  @Test
  void acceptsAProblemFor401() {
    assertDoesNotThrow(() -> contract.assertResponse("GET /v1/tenant", 401, PROBLEM, UNAUTHORIZED));
  }

  @Test
  void acceptsAMediaTypeWithParametersAndAnyHeaderCase() {
    assertDoesNotThrow(() -> contract.assertResponse("GET /v1/tenant", 401,
        Map.of("content-type", "application/problem+json; charset=utf-8"), UNAUTHORIZED));
  }

  @Test
  void rejectsAProblemWithoutRequestId() {
    String body = UNAUTHORIZED.replace(",\"request_id\":\"CZr8ShXyIAMEbQw=\"", "");

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> contract.assertResponse("GET /v1/tenant", 401, PROBLEM, body));
    assertTrue(error.getMessage().contains("request_id"), error.getMessage());
    assertTrue(error.getMessage().contains(body), error.getMessage());
  }

  @Test
  void rejectsAStatusTheRouteDoesNotDocument() {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> contract.assertResponse("GET /v1/tenant", 404, PROBLEM, UNAUTHORIZED.replace("401", "404")));
    assertTrue(error.getMessage().contains("404"), error.getMessage());
  }

  @Test
  void rejectsAnUndocumentedContentType() {
    assertThrows(AssertionFailedError.class, () -> contract.assertResponse("GET /v1/tenant", 401,
        Map.of("Content-Type", "application/json"), UNAUTHORIZED));
  }

  @Test
  void rejectsARouteTheDocumentLacks() {
    assertThrows(AssertionFailedError.class,
        () -> contract.assertResponse("GET /v1/nowhere", 200, Map.of(), "{}"));
  }

  @Test
  void validatesBodiesThroughComponentReferencesAndFormats() {
    Map<String, String> json = Map.of("Content-Type", "application/json", "ETag", "\"1\"");
    assertDoesNotThrow(() -> contract.assertResponse("GET /v1/tenant", 200, json, TENANT));

    AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> contract.assertResponse(
        "GET /v1/tenant", 200, json, TENANT.replace("2026-11-25T19:13:00.123Z\"}", "yesterday\"}")));
    assertTrue(error.getMessage().contains("updated_at"), error.getMessage());
    assertThrows(AssertionFailedError.class, () -> contract.assertResponse(
        "GET /v1/tenant", 200, json, TENANT.replace("billing@acme.example", "billing at acme")));
  }

  @Test
  void requiresAnEmptyBodyFor204() {
    assertDoesNotThrow(() -> contract.assertResponse("DELETE /v1/users/{user_id}", 204, Map.of(), null));
    assertDoesNotThrow(() -> contract.assertResponse("DELETE /v1/users/{user_id}", 204, Map.of(), ""));
    assertThrows(AssertionFailedError.class,
        () -> contract.assertResponse("DELETE /v1/users/{user_id}", 204, Map.of(), "{}"));
  }

  @Test
  void checksALambdaResponse() {
    APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
        .withStatusCode(401)
        .withHeaders(PROBLEM)
        .withBody(UNAUTHORIZED)
        .build();

    assertDoesNotThrow(() -> contract.assertResponse("GET /v1/tenant", response));
  }

  @Test
  void rejectsABodyThatIsNotJson() {
    assertThrows(AssertionFailedError.class,
        () -> contract.assertResponse("GET /v1/tenant", 401, PROBLEM, "<html>"));
  }
}

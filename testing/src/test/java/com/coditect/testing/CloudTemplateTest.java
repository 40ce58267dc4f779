package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloudTemplateTest {

  private static final String TENANCY_HANDLER = "com.coditect.tenancy.TenancyHandler";

  @Test
  void readsTheTwentyThreeTenancyRoutesWithOnlyTheOpenApiDocumentPublic() {
    List<TemplateRoute> routes = CloudTemplate.load().routesOf(TENANCY_HANDLER);

    assertEquals(23, routes.size());
    assertEquals(23, routes.stream().map(TemplateRoute::routeKey).distinct().count());
    assertEquals(List.of("GET /v1/openapi.json"),
        routes.stream().filter(TemplateRoute::isPublic).map(TemplateRoute::routeKey).toList());
    assertTrue(routes.stream().allMatch(route -> route.functionLogicalId().equals("TenancyFunction")
        && route.handler().equals(TENANCY_HANDLER + "::handleRequest")));
    assertTrue(routes.stream().map(TemplateRoute::routeKey).collect(Collectors.toSet())
        .containsAll(Set.of("GET /v1/users/{user_id}", "PUT /v1/teams/{team_id}/members/{user_id}",
            "POST /v1/tenants", "DELETE /v1/projects/{project_id}")));
  }

  @Test
  void ignoresNonHttpEventsSuchAsTheOutboxStream() {
    assertTrue(CloudTemplate.load().routes().stream()
        .noneMatch(route -> route.functionLogicalId().equals("OutboxPublisherFunction")));
  }

  @Test
  void exposesResourcePropertiesWithShortFormTagsInLongForm() {
    Map<String, Object> table = CloudTemplate.load().resourceProperties("CoditectTable");
    assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));

    Map<String, Object> filter = CloudTemplate.load().resourceProperties("OutboxPublisherFunction");
    Object stream = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) filter.get("Events")).get("OutboxStream"))
        .get("Properties")).get("Stream");
    assertEquals(Map.of("Fn::GetAtt", "CoditectTable.StreamArn"), stream);
  }

  @Test
  void turnsEveryShortFormTagIntoItsLongForm() {
    CloudTemplate template = CloudTemplate.parse("""
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          NotProd: !Not [!Condition IsProd]
        Resources:
          Thing:
            Type: AWS::Custom::Thing
            Properties:
              Name: !Sub "${AWS::StackName}-thing"
              Arn: !GetAtt Other.Arn
              Pick: !If [IsProd, [!Ref A], !Ref AWS::NoValue]
              Zone: !Select [0, !GetAZs ""]
              Mapped: !FindInMap { MapName: Env, Key: !Ref Stage }
        """);

    Map<String, Object> conditions = cast(template.document().get("Conditions"));
    assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")), conditions.get("IsProd"));
    assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))), conditions.get("NotProd"));
    Map<String, Object> properties = template.resourceProperties("Thing");
    assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-thing"), properties.get("Name"));
    assertEquals(Map.of("Fn::GetAtt", "Other.Arn"), properties.get("Arn"));
    assertEquals(Map.of("Fn::If", List.of("IsProd", List.of(Map.of("Ref", "A")), Map.of("Ref", "AWS::NoValue"))),
        properties.get("Pick"));
    assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))), properties.get("Zone"));
    assertEquals(Map.of("Fn::FindInMap", Map.of("MapName", "Env", "Key", Map.of("Ref", "Stage"))),
        properties.get("Mapped"));
  }

  @Test
  void refusesAKeyTwiceInOneMapping() {
    String twice = """
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                A: {Type: HttpApi, Properties: {Path: /a, Method: GET}}
              Handler: x.Y::handleRequest
              Events:
                B: {Type: HttpApi, Properties: {Path: /b, Method: GET}}
        """;
    Exception refused = assertThrows(Exception.class, () -> CloudTemplate.parse(twice));
    assertTrue(refused.getMessage().contains("Events"), refused.getMessage());
  }

  @Test
  void takesTheHandlerFromGlobalsWhenAFunctionHasNone() {
    CloudTemplate template = CloudTemplate.parse("""
        Globals:
          Function:
            Handler: com.example.Handler::handleRequest
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Ping:
                  Type: HttpApi
                  Properties: { Path: /ping, Method: get, Auth: { Authorizer: NONE } }
        """);

    assertEquals(List.of(new TemplateRoute("Fn", "com.example.Handler::handleRequest", "GET", "/ping", true)),
        template.routes());
  }

  @Test
  void failsOnAnUnknownResource() {
    assertThrows(IllegalArgumentException.class, () -> CloudTemplate.load().resourceProperties("Nope"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}

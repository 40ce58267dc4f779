package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private static TemplateRoute route(String method, String path) {
    return new TemplateRoute("Fn", "x.Handler::handleRequest", method, path, false);
  }

  private final RouteTable table = new RouteTable(List.of(
      route("GET", "/v1/tasks/{task_id}"),
      route("POST", "/v1/tasks/{task_id}/restore"),
      route("GET", "/v1/tasks/search"),
      route("PUT", "/v1/teams/{team_id}/members/{user_id}")));

  @Test
  void fillsPathParametersDecoded() {
    var match = table.match("PUT", "/v1/teams/t%201/members/u1").orElseThrow();
    assertEquals(Map.of("team_id", "t 1", "user_id", "u1"), match.pathParameters());
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    assertEquals("/v1/tasks/search", table.match("GET", "/v1/tasks/search").orElseThrow().route().path());
    assertEquals("/v1/tasks/{task_id}", table.match("GET", "/v1/tasks/ENG-42").orElseThrow().route().path());
  }

  @Test
  void methodAndSegmentCountMustMatch() {
    assertTrue(table.match("DELETE", "/v1/tasks/1").isEmpty());
    assertTrue(table.match("GET", "/v1/tasks/1/extra").isEmpty());
    assertTrue(table.match("GET", "/v1/tasks/").isEmpty());
  }
}

package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.OpenApiContract;
import com.coditect.testing.TemplateRoute;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same audit API routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.audit.AuditHandler";

  private static Set<String> templateRoutes() {
    return CloudTemplate.load().routesOf(HANDLER).stream().map(TemplateRoute::routeKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    AppConfig offline = new AppConfig("us-east-1", "unused", "", "unused", "k",
        Optional.of(URI.create("http://127.0.0.1:9")));
    AuditHandler handler = new AuditHandler(DaggerAuditApiComponent.factory().create(offline));
    assertEquals(templateRoutes(), new TreeSet<>(handler.router().routeKeys()));
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    Set<String> documented = OpenApiContract.load().routeKeys();
    Set<String> missing = new TreeSet<>(templateRoutes());
    missing.removeAll(documented);
    assertTrue(missing.isEmpty(), "routes missing from docs/openapi.json: " + missing);
  }

  @Test
  void noRouteIsPublic() {
    assertTrue(CloudTemplate.load().routesOf(HANDLER).stream().noneMatch(TemplateRoute::isPublic));
  }
}

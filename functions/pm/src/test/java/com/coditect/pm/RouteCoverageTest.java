package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same PM routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.pm.PmHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    PmHandler handler = new PmHandler(DaggerPmComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    PmHandler handler = new PmHandler(DaggerPmComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  @Test
  void noRouteIsPublic() {
    assertEquals(Set.of(), RouteCoverage.publicRoutes(HANDLER));
  }
}

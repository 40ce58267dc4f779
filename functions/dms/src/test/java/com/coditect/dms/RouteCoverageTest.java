package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same DMS routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.dms.DmsHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    DmsHandler handler = new DmsHandler(DaggerDmsComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    DmsHandler handler = new DmsHandler(DaggerDmsComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  /** Exactly a share link's routes are open: the link's token is their credential. */
  @Test
  void onlyTheShareLinkRoutesArePublic() {
    assertEquals(Set.of("GET /v1/public/shares/{token}", "POST /v1/public/shares/{token}/access", "GET /share/{token}"),
        RouteCoverage.publicRoutes(HANDLER));
  }
}

package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same audit API routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.audit.AuditHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    AuditHandler handler = new AuditHandler(DaggerAuditApiComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    AuditHandler handler = new AuditHandler(DaggerAuditApiComponent.factory().create(RouteCoverage.OFFLINE));
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

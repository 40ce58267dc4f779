package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.tenancy.TenancyHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    TenancyHandler handler = new TenancyHandler(DaggerTenancyComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    TenancyHandler handler = new TenancyHandler(DaggerTenancyComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  @Test
  void onlyTheOpenApiDocumentIsPublic() {
    assertEquals(Set.of("GET /v1/openapi.json"), RouteCoverage.publicRoutes(HANDLER));
  }
}

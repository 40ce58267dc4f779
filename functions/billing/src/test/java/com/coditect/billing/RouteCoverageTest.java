package com.coditect.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.billing.BillingHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    BillingHandler handler = new BillingHandler(DaggerBillingComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    BillingHandler handler = new BillingHandler(DaggerBillingComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  @Test
  void noBillingAddressRouteIsPublic() {
    assertEquals(Set.of(), RouteCoverage.publicRoutes(HANDLER));
  }
}

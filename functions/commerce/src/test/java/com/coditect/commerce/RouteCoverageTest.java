package com.coditect.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.commerce.CommerceHandler";

  private static CommerceHandler offline() {
    return new CommerceHandler(DaggerCommerceComponent.factory().create(RouteCoverage.OFFLINE,
        RouteCoverage.OFFLINE_STRIPE, RouteCoverage.OFFLINE_TOKENS));
  }

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, offline().router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    RouteCoverage.assertRolesMatchOpenApi(offline().router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  /**
   * The catalog is public to read (a guest browses before signing in), and a guest's cart routes
   * are public at the gateway: the cart secret or a token the function verifies decides there.
   */
  @Test
  void onlyTheCatalogsReadsAndTheGuestCartRoutesArePublic() {
    assertEquals(Set.of("GET /v1/products", "GET /v1/products/{product_id}", "POST /v1/carts",
        "GET /v1/carts/{cart_id}", "PATCH /v1/carts/{cart_id}", "POST /v1/carts/{cart_id}/items",
        "DELETE /v1/carts/{cart_id}/items/{product_id}", "POST /v1/carts/{cart_id}/discount"),
        RouteCoverage.publicRoutes(HANDLER));
  }
}

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
    BillingHandler handler = new BillingHandler(DaggerBillingComponent.factory().create(RouteCoverage.OFFLINE, RouteCoverage.OFFLINE_STRIPE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    BillingHandler handler = new BillingHandler(DaggerBillingComponent.factory().create(RouteCoverage.OFFLINE, RouteCoverage.OFFLINE_STRIPE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }

  /**
   * Tax rates are published law, read by anyone (a guest's cart shows its tax), and Stripe's webhook
   * has no token of ours (its signature is checked instead); nothing else is public.
   */
  @Test
  void onlyTheTaxRateReadsAndStripesWebhookArePublic() {
    assertEquals(Set.of("GET /v1/tax-rates", "GET /v1/tax-rates/{tax_rate_id}", "POST /v1/webhooks/stripe"),
        RouteCoverage.publicRoutes(HANDLER));
  }
}

package com.coditect.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.RouteCoverage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.contacts.ContactsHandler";

  private static ContactsHandler handler() {
    return new ContactsHandler(DaggerContactsComponent.factory().create(RouteCoverage.OFFLINE, ContactsApi.config()));
  }

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler().router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    RouteCoverage.assertRolesMatchOpenApi(handler().router());
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

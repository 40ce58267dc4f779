package com.coditect.workflows;

import com.coditect.testing.RouteCoverage;
import org.junit.jupiter.api.Test;

/** template.yaml, the handler's router and the OpenAPI document name exactly the same workflow routes. */
class RouteCoverageTest {

  private static final String HANDLER = "com.coditect.workflows.WorkflowsHandler";

  @Test
  void handlerServesExactlyTheTemplatesRoutes() {
    WorkflowsHandler handler = new WorkflowsHandler(DaggerWorkflowsComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertHandlerServesTemplateRoutes(HANDLER, handler.router().routeKeys());
  }

  /** The route x role table, declared once where the routes are routed, is what the document says. */
  @Test
  void everyRouteDeclaresTheRolesTheOpenApiDocumentLists() {
    WorkflowsHandler handler = new WorkflowsHandler(DaggerWorkflowsComponent.factory().create(RouteCoverage.OFFLINE));
    RouteCoverage.assertRolesMatchOpenApi(handler.router());
  }

  @Test
  void openApiDocumentsEveryTemplateRoute() {
    RouteCoverage.assertOpenApiDocumentsTemplateRoutes(HANDLER);
  }
}

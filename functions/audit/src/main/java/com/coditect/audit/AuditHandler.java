package com.coditect.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.Router;
import java.util.List;

/**
 * The audit Lambda's API: the audit log and its verification, reviews and compliance reports.
 * Each resource's routes live in its own {@link RouteGroup}.
 */
public final class AuditHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;

  public AuditHandler() {
    this(DaggerAuditApiComponent.factory().create(AppConfig.fromEnvironment()));
  }

  AuditHandler(AuditApiComponent component) {
    Router.Builder routes = Router.builder();
    // One group a line, so that adding a resource's routes is adding a line.
    for (RouteGroup group : List.of(
        component.auditLogRoutes(),
        component.auditReviewRoutes(),
        component.complianceReportRoutes())) {
      group.addTo(routes);
    }
    this.dispatcher = new HttpDispatcher(routes.build());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event);
  }

  /** Every route key this handler serves, for the template/handler consistency test. */
  Router router() {
    return dispatcher.router();
  }
}

package com.coditect.pm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.Router;
import java.util.List;

/**
 * The project-management Lambda: tasks (with their comments, attachments and activity), sprints,
 * milestones and boards. Each resource's routes live in its own {@link RouteGroup}.
 */
public final class PmHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;

  public PmHandler() {
    this(DaggerPmComponent.factory().create(AppConfig.fromEnvironment()));
  }

  PmHandler(PmComponent component) {
    Router.Builder routes = Router.builder();
    for (RouteGroup group : List.of(component.taskRoutes(), component.sprintRoutes(), component.milestoneRoutes(),
        component.commentRoutes(), component.attachmentRoutes(), component.boardRoutes())) {
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

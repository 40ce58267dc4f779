package com.coditect.pm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.SnapStartPriming;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import java.util.List;

/**
 * The project-management Lambda: tasks (with their comments, attachments and activity), sprints,
 * milestones and boards. Each resource's routes live in its own {@link RouteGroup}.
 */
public final class PmHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;
  // Held here: the runtime's context may keep its resources only weakly.
  private final SnapStartPriming priming;

  public PmHandler() {
    this(DaggerPmComponent.factory().create(AppConfig.fromEnvironment()));
  }

  PmHandler(PmComponent component) {
    List<RouteGroup> groups = List.of(component.taskRoutes(), component.sprintRoutes(), component.milestoneRoutes(),
        component.commentRoutes(), component.attachmentRoutes(), component.boardRoutes());
    this.dispatcher = new HttpDispatcher(Router.of(groups));
    this.priming = SnapStartPriming.register(groups.stream().<Runnable>map(group -> group::prime).toList());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event);
  }

  /** What SnapStart runs before its snapshot: every group's services built. */
  SnapStartPriming priming() {
    return priming;
  }

  /** Every route key this handler serves, for the template/handler consistency test. */
  Router router() {
    return dispatcher.router();
  }
}

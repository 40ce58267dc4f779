package com.coditect.dms;

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
 * The document-management Lambda: folders, documents with their versions, permissions, activity
 * and share links. Each resource's routes live in its own {@link RouteGroup}.
 */
public final class DmsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;
  // Held here: the runtime's context may keep its resources only weakly.
  private final SnapStartPriming priming;

  public DmsHandler() {
    this(DaggerDmsComponent.factory().create(AppConfig.fromEnvironment()));
  }

  DmsHandler(DmsComponent component) {
    List<RouteGroup> groups = List.of(component.folderRoutes(), component.documentRoutes(),
        component.versionRoutes(), component.permissionRoutes(), component.activityRoutes(), component.shareRoutes(),
        component.publicShareRoutes());
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

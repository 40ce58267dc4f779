package com.coditect.contacts;

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

/** The contacts Lambda: addresses, phone numbers and e-mail addresses, their defaults and verification. */
public final class ContactsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;
  // Held here: the runtime's context may keep its resources only weakly.
  private final SnapStartPriming priming;

  public ContactsHandler() {
    this(DaggerContactsComponent.factory().create(AppConfig.fromEnvironment(), ContactsConfig.fromEnvironment()));
  }

  ContactsHandler(ContactsComponent component) {
    List<RouteGroup> groups = List.of(component.addressRoutes(), component.phoneNumberRoutes(),
        component.emailAddressRoutes());
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

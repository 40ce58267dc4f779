package com.coditect.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.di.SnapStartPriming;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import java.util.List;

/**
 * The billing Lambda: a tenant's billing addresses, payments and refunds, subscriptions and their
 * invoices, the platform's tax rates, and Stripe's webhook.
 */
public final class BillingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final HttpDispatcher dispatcher;
  // Held here: the runtime's context may keep its resources only weakly.
  private final SnapStartPriming priming;

  public BillingHandler() {
    this(DaggerBillingComponent.factory().create(AppConfig.fromEnvironment(), StripeConfig.fromEnvironment()));
  }

  BillingHandler(BillingComponent component) {
    List<RouteGroup> groups = List.of(component.billingAddressRoutes(), component.taxRateRoutes(), component.paymentRoutes(),
        component.stripeWebhookRoutes(), component.subscriptionRoutes());
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

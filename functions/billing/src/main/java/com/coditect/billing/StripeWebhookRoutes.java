package com.coditect.billing;

import com.coditect.billing.domain.StripeWebhookReceiver;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import dagger.Lazy;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code POST /v1/webhooks/stripe}: public (Stripe has no token of ours), its {@code Stripe-Signature}
 * checked before anything is read; answers 200 as soon as the event is stored.
 */
@Singleton
final class StripeWebhookRoutes implements RouteGroup {

  static final String ROUTE = "POST /v1/webhooks/stripe";

  private final Lazy<StripeWebhookReceiver> receiver;

  @Inject
  StripeWebhookRoutes(Lazy<StripeWebhookReceiver> receiver) {
    this.receiver = receiver;
  }

  @Override
  public void prime() {
    receiver.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute(ROUTE, this::receive);
  }

  private ApiResponse receive(ApiRequest request) {
    StripeWebhookReceiver.Receipt receipt = receiver.get().receive(request.bodyText(),
        request.header("Stripe-Signature").orElse(null));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", true);
    body.put("event_id", receipt.eventId());
    body.put("duplicate", receipt.duplicate());
    return ApiResponse.ok(body);
  }
}

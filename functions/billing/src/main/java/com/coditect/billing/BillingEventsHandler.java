package com.coditect.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.billing.domain.StripeEventSync;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import java.util.Map;

/**
 * Billing's reactions to events, delivered by the rules of template.yaml: each Stripe event the
 * webhook received ({@code stripe.event_received}) is applied to the payment or refund it is about.
 * A failure throws, so EventBridge retries and finally keeps the event in the function's DLQ.
 */
public final class BillingEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(BillingEventsHandler.class);

  private final StripeEventSync stripeEvents;

  public BillingEventsHandler() {
    this(DaggerBillingComponent.factory().create(AppConfig.fromEnvironment(), StripeConfig.fromEnvironment()));
  }

  BillingEventsHandler(BillingComponent component) {
    this.stripeEvents = component.stripeEventSync();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, event -> {
      if ("stripe.event_received".equals(event.detailType())) {
        String eventId = event.detail().path("stripe_event_id").asText();
        boolean changed = stripeEvents.apply(eventId);
        LOG.info("stripe event applied", "stripe_event_id", eventId, "changed", changed);
      }
    });
    return null;
  }
}

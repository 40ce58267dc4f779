package com.coditect.commerce;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.commerce.domain.OrderPayments;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;

/**
 * Commerce's reactions to events, delivered by the rules of template.yaml: billing's
 * {@code payment.<status>} events move the payment's order. A failure throws, so EventBridge
 * retries and finally keeps the event in the function's DLQ.
 */
public final class CommerceEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(CommerceEventsHandler.class);

  private final OrderPayments orderPayments;

  public CommerceEventsHandler() {
    this(DaggerCommerceComponent.factory().create(AppConfig.fromEnvironment(), StripeConfig.fromEnvironment(),
        TokenConfig.fromEnvironment()));
  }

  CommerceEventsHandler(CommerceComponent component) {
    this.orderPayments = component.orderPayments();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, event -> {
      if ("payment".equals(event.detail().path("resource_type").asText())) {
        String paymentId = event.detail().path("resource_id").asText();
        boolean changed = orderPayments.apply(new TenantId(event.detail().path("tenant_id").asText()), paymentId);
        LOG.info("payment applied to its order", "payment_id", paymentId, "changed", changed);
      }
    });
    return null;
  }
}

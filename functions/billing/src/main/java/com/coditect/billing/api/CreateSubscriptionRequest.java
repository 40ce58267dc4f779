package com.coditect.billing.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/subscriptions}: a product of the catalog billed monthly or yearly, an optional
 * trial of 1 to 730 days, and an optional day of the month (1 to 31) to anchor the billing cycle
 * to (Stripe bills the 31st on a month's last day).
 */
public record CreateSubscriptionRequest(String productId, Integer trialDays, Integer billingCycleAnchor) {

  public static CreateSubscriptionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String productId = fields.requiredUuid("product_id");
    Integer trialDays = fields.optionalInteger("trial_days", 1, 730);
    Integer anchor = fields.optionalInteger("billing_cycle_anchor", 1, 31);
    fields.finish();
    return new CreateSubscriptionRequest(productId, trialDays, anchor);
  }
}

package com.coditect.billing.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/subscriptions/{subscription_id}/cancel}: now (default), or at the end of the period paid for. */
public record CancelSubscriptionRequest(boolean atPeriodEnd) {

  public static CancelSubscriptionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    boolean atPeriodEnd = Boolean.TRUE.equals(fields.patchBoolean("at_period_end", false).orElse(false));
    fields.finish();
    return new CancelSubscriptionRequest(atPeriodEnd);
  }
}

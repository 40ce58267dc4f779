package com.coditect.billing.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/subscriptions/{subscription_id}}: move to another product (an upgrade or a
 * downgrade), prorated. {@code preview: true} answers what the change would invoice and changes
 * nothing.
 */
public record UpdateSubscriptionRequest(String productId, boolean preview) {

  public static UpdateSubscriptionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String productId = fields.requiredUuid("product_id");
    boolean preview = Boolean.TRUE.equals(fields.patchBoolean("preview", false).orElse(false));
    fields.finish();
    return new UpdateSubscriptionRequest(productId, preview);
  }
}

package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/discount-codes/{code}}: switch a code on or off, change its description or
 * expiry. Its terms are fixed (carts copied them): a new offer is a new code.
 */
public record UpdateDiscountCodeRequest(Patch<String> description, Patch<Boolean> active, Patch<String> expiresAt) {

  public static UpdateDiscountCodeRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    for (String fixed : new String[] {"code", "percent_off", "amount_off_cents", "currency"}) {
      fields.reject(fixed, "cannot be changed; create a new code");
    }
    Patch<String> description = fields.patchString("description", 500, true);
    Patch<Boolean> active = fields.patchBoolean("active", false);
    Patch<String> expiresAt = fields.patchTimestamp("expires_at", true);
    fields.finish();
    return new UpdateDiscountCodeRequest(description, active, expiresAt);
  }
}

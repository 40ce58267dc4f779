package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/discount-codes}: a code with either {@code percent_off} (1 to 100) or
 * {@code amount_off_cents} with its {@code currency}; {@code expires_at} optional.
 */
public record CreateDiscountCodeRequest(String code, String description, Integer percentOff, Long amountOffCents,
    String currency, boolean active, String expiresAt) {

  public static CreateDiscountCodeRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String code = fields.matching("code", fields.requiredString("code", 50), CartFields.CODE, CartFields.CODE_MESSAGE);
    String description = fields.optionalString("description", 500);
    Integer percent = fields.optionalInteger("percent_off", 1, 100);
    Integer amount = fields.optionalInteger("amount_off_cents", 1, ProductFields.PRICE_MAX);
    String currency = ProductFields.checkCurrency(fields, fields.optionalString("currency", 3));
    boolean bothOrNeither = fields.has("percent_off") == fields.has("amount_off_cents");
    if (bothOrNeither) {
      fields.error("percent_off", "exactly one of percent_off and amount_off_cents is required");
    }
    if (fields.has("amount_off_cents") && currency == null) {
      fields.error("currency", "is required with amount_off_cents");
    }
    if (fields.has("percent_off") && fields.has("currency")) {
      fields.error("currency", "applies only to amount_off_cents");
    }
    boolean active = Boolean.TRUE.equals(fields.patchBoolean("active", false).orElse(true));
    String expiresAt = fields.optionalTimestamp("expires_at");
    fields.finish();
    return new CreateDiscountCodeRequest(CartFields.normalCode(code), description, percent,
        amount == null ? null : amount.longValue(), currency, active, expiresAt);
  }
}

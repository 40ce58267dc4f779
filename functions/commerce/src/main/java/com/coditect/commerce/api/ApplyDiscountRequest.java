package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/carts/{cart_id}/discount}: the code to apply (replacing any applied before). */
public record ApplyDiscountRequest(String discountCode) {

  public static ApplyDiscountRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String code = fields.matching("discount_code", fields.requiredString("discount_code", 50), CartFields.CODE,
        CartFields.CODE_MESSAGE);
    fields.finish();
    return new ApplyDiscountRequest(CartFields.normalCode(code));
  }
}

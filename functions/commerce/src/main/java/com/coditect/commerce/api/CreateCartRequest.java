package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code POST /v1/carts}: optionally the first items and a discount code. */
public record CreateCartRequest(List<CartFields.Quantity> items, String discountCode) {

  public static CreateCartRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    List<CartFields.Quantity> items = CartFields.quantities(fields, "items", fields.optionalArray("items"));
    String code = fields.matching("discount_code", fields.optionalString("discount_code", 50), CartFields.CODE,
        CartFields.CODE_MESSAGE);
    fields.finish();
    return new CreateCartRequest(items == null ? List.of() : items, CartFields.normalCode(code));
  }
}

package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/carts/{cart_id}/items}: adds {@code quantity} of a product (to what the cart has of it). */
public record AddCartItemRequest(String productId, int quantity) {

  public static AddCartItemRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    CartFields.Quantity quantity = CartFields.quantity(fields);
    fields.finish();
    return new AddCartItemRequest(quantity.productId(), quantity.quantity());
  }
}

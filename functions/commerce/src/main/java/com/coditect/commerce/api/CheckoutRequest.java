package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/carts/{cart_id}/checkout}: optionally the tenant's address to ship to (a billing
 * address of the tenant, of any type); by default the order ships to its billing address.
 */
public record CheckoutRequest(String shippingAddressId) {

  public static CheckoutRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String shipping = fields.optionalUuid("shipping_address_id");
    fields.finish();
    return new CheckoutRequest(shipping);
  }
}

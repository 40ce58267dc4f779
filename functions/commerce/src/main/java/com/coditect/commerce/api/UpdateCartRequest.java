package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code PATCH /v1/carts/{cart_id}}: {@code items} replaces every line (an empty list empties the
 * cart); {@code discount_code} sets the code, or removes it when null.
 */
public record UpdateCartRequest(Optional<List<CartFields.Quantity>> items, Patch<String> discountCode) {

  public static UpdateCartRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    Optional<List<CartFields.Quantity>> items = Optional.empty();
    if (fields.has("items")) {
      if (body.get("items").isNull()) {
        fields.error("items", "cannot be null; send [] to empty the cart");
        fields.optionalArray("items");
      } else {
        items = Optional.ofNullable(CartFields.quantities(fields, "items", fields.optionalArray("items")));
      }
    }
    Patch<String> code = fields.patchString("discount_code", 50, true);
    if (code.isPresent() && code.value() != null) {
      fields.matching("discount_code", code.value(), CartFields.CODE, CartFields.CODE_MESSAGE);
    }
    fields.finish();
    return new UpdateCartRequest(items, code.isPresent() ? Patch.of(CartFields.normalCode(code.value())) : code);
  }
}

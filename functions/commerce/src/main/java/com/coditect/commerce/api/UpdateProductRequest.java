package com.coditect.commerce.api;

import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/products/{product_id}}: name, description and active change the Stripe product;
 * a new price, currency or interval makes a new Stripe price. The SKU is fixed once created.
 */
public record UpdateProductRequest(Patch<String> name, Patch<String> description, Patch<Integer> priceCents,
    Patch<String> currency, Patch<ProductInterval> interval, Patch<Boolean> active) {

  public boolean changesPrice() {
    return priceCents.isPresent() || currency.isPresent() || interval.isPresent();
  }

  public static UpdateProductRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("sku", "cannot change once the product exists (it is on orders and labels); create a new product");
    var request = new UpdateProductRequest(
        fields.patchString("name", ProductFields.NAME_MAX, false),
        fields.patchString("description", ProductFields.DESCRIPTION_MAX, true),
        fields.patchInteger("price_cents", 0, ProductFields.PRICE_MAX, false),
        ProductFields.patchCurrency(fields),
        fields.patchChoice("interval", ProductInterval.class, false),
        fields.patchBoolean("active", false));
    fields.finish();
    return request;
  }
}

package com.coditect.commerce.api;

import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/products}: {@code interval} defaults to one_time, {@code active} to true. */
public record CreateProductRequest(String sku, String name, String description, long priceCents, String currency,
    ProductInterval interval, boolean active) {

  public static CreateProductRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String sku = fields.matching("sku", fields.requiredString("sku", ProductFields.SKU_MAX), ProductFields.SKU,
        "must be letters, digits, '.', '-' or '_', starting with a letter or digit");
    String name = fields.requiredString("name", ProductFields.NAME_MAX);
    String description = fields.optionalString("description", ProductFields.DESCRIPTION_MAX);
    Integer price = fields.requiredInteger("price_cents", 0, ProductFields.PRICE_MAX);
    String currency = ProductFields.checkCurrency(fields, fields.requiredString("currency", 3));
    ProductInterval interval = fields.optionalChoice("interval", ProductInterval.class);
    boolean active = Boolean.TRUE.equals(fields.patchBoolean("active", false).orElse(true));
    fields.finish();
    return new CreateProductRequest(sku, name, description, price, currency,
        interval == null ? ProductInterval.ONE_TIME : interval, active);
  }
}

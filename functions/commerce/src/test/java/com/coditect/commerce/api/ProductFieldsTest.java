package com.coditect.commerce.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The syntax of product bodies: SKUs, ISO 4217 currencies, integer cents within Stripe's limit. */
class ProductFieldsTest {

  @Test
  void currenciesAreIso4217InLowerCase() {
    for (String code : List.of("usd", "eur", "jpy", "gbp", "chf")) {
      assertTrue(ProductFields.isCurrency(code), code);
    }
    for (String code : List.of("USD", "us", "dollars", "xyz", "")) {
      assertFalse(ProductFields.isCurrency(code), code);
    }
  }

  @Test
  void aMinimalBodyIsAnActiveOneTimeProduct() {
    CreateProductRequest request = CreateProductRequest.from(Json.readTree(
        "{\"sku\":\"MUG-1\",\"name\":\"Mug\",\"price_cents\":1200,\"currency\":\"usd\"}"));
    assertEquals(ProductInterval.ONE_TIME, request.interval());
    assertTrue(request.active());
    assertEquals(1200, request.priceCents());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    BadRequestException bad = assertThrows(BadRequestException.class, () -> CreateProductRequest.from(Json.readTree(
        "{\"sku\":\"-bad sku\",\"price_cents\":-1,\"currency\":\"USD\",\"interval\":\"week\"}")));
    assertEquals(List.of("sku", "name", "price_cents", "currency", "interval"),
        bad.errors().stream().map(FieldError::field).toList());
    BadRequestException missing = assertThrows(BadRequestException.class, () -> CreateProductRequest.from(Json.readTree(
        "{\"sku\":\"A\",\"name\":\"A\",\"currency\":\"usd\"}")));
    assertEquals(List.of("price_cents"), missing.errors().stream().map(FieldError::field).toList());
    BadRequestException tooDear = assertThrows(BadRequestException.class, () -> CreateProductRequest.from(Json.readTree(
        "{\"sku\":\"A\",\"name\":\"A\",\"currency\":\"usd\",\"price_cents\":100000000}")));
    assertEquals(List.of("price_cents"), tooDear.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void theSkuIsFixedOnceCreated() {
    BadRequestException bad = assertThrows(BadRequestException.class,
        () -> UpdateProductRequest.from(Json.readTree("{\"sku\":\"NEW\"}")));
    assertEquals(List.of("sku"), bad.errors().stream().map(FieldError::field).toList());
  }
}

package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The field rules of carts and discount codes shared by their requests. */
public final class CartFields {

  /** The most lines a cart holds: one BatchGetItem reads the cart and every product it names. */
  public static final int MAX_LINES = 50;
  public static final int MAX_QUANTITY = 999;
  /** A code as people type it: letters, digits, '-' and '_', 3 to 50 (matched without regard to case). */
  public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,49}$");
  public static final String CODE_MESSAGE = "must be 3 to 50 letters, digits, '-' or '_'";

  /** A product and how many of it. */
  public record Quantity(String productId, int quantity) {}

  private CartFields() {}

  /** A discount code as stored and looked up: upper case. */
  public static String normalCode(String code) {
    return code == null ? null : code.toUpperCase(Locale.ROOT);
  }

  /** A list of {@code {product_id, quantity}}; a product named twice has its quantities added. */
  static List<Quantity> quantities(JsonFields fields, String name, ArrayNode array) {
    if (array == null) {
      return null;
    }
    if (array.size() > MAX_LINES) {
      fields.error(name, "must hold at most " + MAX_LINES + " items");
      return List.of();
    }
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      JsonFields item = fields.arrayObject(name, i, array.get(i));
      if (item == null) {
        continue;
      }
      Quantity quantity = quantity(item);
      item.finish();
      if (quantity != null) {
        merged.merge(quantity.productId(), quantity.quantity(), Integer::sum);
      }
    }
    // A product named twice past 999 in all is a 422 of the cart's (each item is well-formed).
    List<Quantity> result = new ArrayList<>();
    merged.forEach((product, count) -> result.add(new Quantity(product, count)));
    return result;
  }

  /** {@code product_id} and {@code quantity} (1 to 999) of one object; null when either is wrong. */
  static Quantity quantity(JsonFields item) {
    String productId = item.requiredUuid("product_id");
    Integer quantity = item.requiredInteger("quantity", 1, MAX_QUANTITY);
    return productId == null || quantity == null ? null : new Quantity(productId, quantity);
  }
}

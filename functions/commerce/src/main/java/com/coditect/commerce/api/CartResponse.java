package com.coditect.commerce.api;

import com.coditect.commerce.data.CartItem;
import com.coditect.commerce.data.CartLine;
import java.util.List;

/**
 * A cart with its amounts. {@code cart_secret} is in the answer to its creation only (it is stored
 * hashed); {@code claimed} says whether it belongs to a tenant yet.
 */
public record CartResponse(String id, String status, boolean claimed, List<Item> items, String currency,
    String discountCode, long discountCents, long subtotalCents, long taxCents, long taxIncludedCents, long totalCents,
    String taxCountryCode, String taxStateCode, String orderId, String expiresAt, String createdAt, String updatedAt,
    String cartSecret) {

  /** One line: the product, its unit amount when added, the quantity and their product. */
  public record Item(String productId, String sku, String name, long unitAmountCents, int quantity, long amountCents) {

    static Item from(CartLine line) {
      return new Item(line.productId(), line.sku(), line.name(), line.unitAmountCents(), line.quantity(),
          line.amountCents());
    }
  }

  public static CartResponse from(CartItem cart) {
    return new CartResponse(cart.id(), cart.status().apiName(), cart.tenantId() != null,
        cart.lines().stream().map(Item::from).toList(), cart.currency(), cart.discountCode(), cart.discountCents(),
        cart.subtotalCents(), cart.taxCents(), cart.taxIncludedCents(), cart.totalCents(), cart.taxCountryCode(),
        cart.taxStateCode(), cart.orderId(), cart.expiresAt(), cart.createdAt(), cart.updatedAt(), null);
  }

  /** The creation's answer: the cart and, for a guest's, its secret (the only time it is shown). */
  public CartResponse withSecret(String secret) {
    return new CartResponse(id, status, claimed, items, currency, discountCode, discountCents, subtotalCents, taxCents,
        taxIncludedCents, totalCents, taxCountryCode, taxStateCode, orderId, expiresAt, createdAt, updatedAt, secret);
  }
}

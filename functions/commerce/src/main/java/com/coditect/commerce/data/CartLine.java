package com.coditect.commerce.data;

/**
 * One line of a cart or an order: a product as it was when it was added (its SKU, name and unit
 * amount are copied, so a cart shows what the buyer chose even if the catalog changes; checkout
 * prices the lines again from the catalog).
 */
public record CartLine(String productId, String sku, String name, long unitAmountCents, int quantity, String currency) {

  public long amountCents() {
    return unitAmountCents * quantity;
  }

  public CartLine withQuantity(int newQuantity) {
    return new CartLine(productId, sku, name, unitAmountCents, newQuantity, currency);
  }
}

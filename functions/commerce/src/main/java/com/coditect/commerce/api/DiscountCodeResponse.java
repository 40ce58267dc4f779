package com.coditect.commerce.api;

import com.coditect.commerce.data.DiscountCodeItem;

/** A discount code as platform administrators see it. */
public record DiscountCodeResponse(String id, String code, String description, Integer percentOff, Long amountOffCents,
    String currency, boolean active, String expiresAt, String createdAt, String updatedAt) {

  public static DiscountCodeResponse from(DiscountCodeItem item) {
    return new DiscountCodeResponse(item.id(), item.code(), item.description(), item.percentOff(), item.amountOffCents(),
        item.currency(), item.active(), item.expiresAt(), item.createdAt(), item.updatedAt());
  }
}

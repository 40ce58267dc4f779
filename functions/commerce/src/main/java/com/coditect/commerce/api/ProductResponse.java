package com.coditect.commerce.api;

import com.coditect.commerce.data.ProductItem;

/** A product as the catalog shows it. */
public record ProductResponse(String id, String sku, String name, String description, long priceCents, String currency,
    String interval, boolean active, String stripeProductId, String stripePriceId, String createdAt, String updatedAt) {

  public static ProductResponse from(ProductItem item) {
    return new ProductResponse(item.id(), item.sku(), item.name(), item.description(), item.priceCents(),
        item.currency(), item.interval().apiName(), item.active(), item.stripeProductId(), item.stripePriceId(),
        item.createdAt(), item.updatedAt());
  }
}

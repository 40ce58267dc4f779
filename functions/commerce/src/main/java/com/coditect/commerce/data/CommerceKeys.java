package com.coditect.commerce.data;

import com.coditect.shared.store.Keys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the commerce items, built in one place. Layout (see docs/access-patterns.md):
 *
 * <pre>
 * item      PK                     SK        GSI1PK / GSI1SK
 * product   PLATFORM#PRODUCT#p     PRODUCT   PLATFORM#PRODUCTS / p
 * </pre>
 * Products belong to no tenant (the platform's catalog): their keys start with {@code PLATFORM};
 * the SKU is unique across the platform through a {@code PRODUCT_SKU} sentinel.
 */
public final class CommerceKeys {

  public static final String PRODUCT = "PRODUCT";
  public static final String UNIQUE_PRODUCT_SKU = "PRODUCT_SKU";

  private CommerceKeys() {}

  public static Key product(String productId) {
    return Key.builder().partitionValue(Keys.platform().with(PRODUCT, productId).build()).sortValue(PRODUCT).build();
  }

  /** The catalog, oldest first by id (UUIDv7). */
  public static String products() {
    return Keys.platform().with("PRODUCTS").build();
  }
}

package com.coditect.commerce.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the commerce items, built in one place. Layout (see docs/access-patterns.md):
 *
 * <pre>
 * item      PK                     SK        GSI1PK / GSI1SK
 * product        PLATFORM#PRODUCT#p           PRODUCT         PLATFORM#PRODUCTS / p
 * discount code  PLATFORM#DISCOUNT_CODE#CODE  DISCOUNT_CODE   PLATFORM#DISCOUNT_CODES / id
 * guest cart     PLATFORM#CART#c              CART            -
 * tenant cart    T#t#CART#c                   CART            -
 * order          T#t#ORDER#o                  ORDER           T#t#ORDERS / o
 * </pre>
 * Products and discount codes belong to no tenant (the platform's catalog): their keys start with
 * {@code PLATFORM}; the SKU is unique across the platform through a {@code PRODUCT_SKU} sentinel,
 * a code by being its item's key. A guest cart belongs to no tenant until its claim moves it into
 * one; its id alone reaches it, and only with its secret.
 */
public final class CommerceKeys {

  public static final String PRODUCT = "PRODUCT";
  public static final String UNIQUE_PRODUCT_SKU = "PRODUCT_SKU";
  public static final String DISCOUNT_CODE = "DISCOUNT_CODE";
  public static final String CART = "CART";
  public static final String ORDER = "ORDER";

  private CommerceKeys() {}

  /** Shared with billing (a subscription's product), so built in {@link CoreKeys}. */
  public static Key product(String productId) {
    return CoreKeys.product(productId);
  }

  public static Key discountCode(String code) {
    return Key.builder().partitionValue(Keys.platform().with(DISCOUNT_CODE, code).build()).sortValue(DISCOUNT_CODE).build();
  }

  /** Every discount code, oldest first by id (UUIDv7). */
  public static String discountCodes() {
    return Keys.platform().with("DISCOUNT_CODES").build();
  }

  public static Key guestCart(String cartId) {
    return Key.builder().partitionValue(Keys.platform().with(CART, cartId).build()).sortValue(CART).build();
  }

  public static Key tenantCart(TenantId tenant, String cartId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(CART, cartId).build()).sortValue(CART).build();
  }

  /** An order: its key is in the kernel ({@link CoreKeys#order}), since contacts check it as an address's owner. */
  public static Key order(TenantId tenant, String orderId) {
    return CoreKeys.order(tenant, orderId);
  }

  /** A tenant's orders, by id (UUIDv7: creation order). */
  public static String orders(TenantId tenant) {
    return Keys.tenant(tenant).with("ORDERS").build();
  }

  /** The catalog, oldest first by id (UUIDv7). */
  public static String products() {
    return Keys.platform().with("PRODUCTS").build();
  }
}

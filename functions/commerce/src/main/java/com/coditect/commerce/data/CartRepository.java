package com.coditect.commerce.data;

import com.coditect.billing.data.BillingAddressItem;
import com.coditect.billing.data.BillingKeys;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Reads and writes carts: a guest's under the platform's keys, a tenant's under the tenant's. */
@Singleton
public final class CartRepository extends ItemRepository<CartItem> {

  private final BatchGets reads;

  /** A cart with what a change of it needs: the products it names, and the discount code it names. */
  public record CartAndCatalog(Optional<CartItem> cart, Map<String, ProductItem> products,
      Optional<DiscountCodeItem> discountCode) {}

  @Inject
  public CartRepository(SingleTable table, BatchGets reads) {
    super(table, CartItem.SCHEMA);
    this.reads = reads;
  }

  /** What a checkout reads besides the cart: its products, the discount code it names and the shipping address asked for. */
  public record CheckoutReads(Map<String, ProductItem> products, Optional<DiscountCodeItem> code,
      Optional<BillingAddressItem> shippingAddress) {}

  /**
   * The cart {@code cartId} of {@code tenant}'s carts, or of the guests' when empty (empty when
   * missing or expired at {@code now}), the products of {@code productIds} that exist, and the
   * discount code {@code code} if any: one strongly consistent BatchGetItem (a GetItem when only
   * the cart is wanted).
   */
  public CartAndCatalog read(Optional<TenantId> tenant, String cartId, Collection<String> productIds,
      Optional<String> code, Instant now) {
    Key cartKey = tenant.map(t -> CommerceKeys.tenantCart(t, cartId)).orElseGet(() -> CommerceKeys.guestCart(cartId));
    List<Key> keys = new ArrayList<>();
    keys.add(cartKey);
    Map<String, Key> productKeys = new LinkedHashMap<>();
    productIds.forEach(id -> productKeys.put(id, CommerceKeys.product(id)));
    keys.addAll(productKeys.values());
    Optional<Key> codeKey = code.map(CommerceKeys::discountCode);
    codeKey.ifPresent(keys::add);
    BatchGets.Found found = reads.get(keys);
    Map<String, ProductItem> products = new LinkedHashMap<>();
    productKeys.forEach((id, key) -> found.item(key, ProductItem.SCHEMA).ifPresent(p -> products.put(id, p)));
    return new CartAndCatalog(
        found.item(cartKey, CartItem.SCHEMA).filter(cart -> !cart.isExpired(now.getEpochSecond())),
        products,
        codeKey.flatMap(key -> found.item(key, DiscountCodeItem.SCHEMA)));
  }

  /**
   * A checkout's reads besides the cart, in one BatchGetItem: the products of its lines, its
   * discount code (if any) and the tenant's address to ship to (if one is named; a deleted one is
   * no address).
   */
  public CheckoutReads readForCheckout(TenantId tenant, CartItem cart, Optional<String> shippingAddressId) {
    List<Key> keys = new ArrayList<>();
    cart.lines().forEach(line -> keys.add(CommerceKeys.product(line.productId())));
    Optional<Key> codeKey = Optional.ofNullable(cart.discountCode()).map(CommerceKeys::discountCode);
    codeKey.ifPresent(keys::add);
    Optional<Key> shippingKey = shippingAddressId.map(id -> BillingKeys.billingAddress(tenant, id));
    shippingKey.ifPresent(keys::add);
    BatchGets.Found found = reads.get(keys);
    Map<String, ProductItem> products = new LinkedHashMap<>();
    cart.lines().forEach(line -> found.item(CommerceKeys.product(line.productId()), ProductItem.SCHEMA)
        .ifPresent(product -> products.put(line.productId(), product)));
    return new CheckoutReads(products, codeKey.flatMap(key -> found.item(key, DiscountCodeItem.SCHEMA)),
        shippingKey.flatMap(key -> found.item(key, BillingAddressItem.SCHEMA)).filter(address -> !address.isDeleted()));
  }

  /** Moves a guest cart (read at {@code readVersion}) into a tenant: the guest item goes, the tenant's comes. */
  public void claim(WriteTransaction tx, CartItem guest, long readVersion, CartItem owned,
      Supplier<? extends RuntimeException> onLost) {
    tx.deleteVersioned(CommerceKeys.guestCart(guest.id()), readVersion, onLost);
    create(tx, owned, () -> new IllegalStateException("cart " + owned.id() + " already in a tenant"));
  }

  public static ItemMeta newGuestMeta(String cartId, String now, long expiresAtEpochSeconds) {
    return ItemMeta.created(CommerceKeys.guestCart(cartId), CartItem.ENTITY, now).withTtl(expiresAtEpochSeconds);
  }

  public static ItemMeta newTenantMeta(TenantId tenant, String cartId, String now, long expiresAtEpochSeconds) {
    return ItemMeta.created(CommerceKeys.tenantCart(tenant, cartId), CartItem.ENTITY, now).withTtl(expiresAtEpochSeconds);
  }
}

package com.coditect.commerce.domain;

import com.coditect.commerce.api.AddCartItemRequest;
import com.coditect.commerce.api.CartFields;
import com.coditect.commerce.api.CartResponse;
import com.coditect.commerce.api.CreateCartRequest;
import com.coditect.commerce.api.UpdateCartRequest;
import com.coditect.commerce.data.CartItem;
import com.coditect.commerce.data.CartLine;
import com.coditect.commerce.data.CartRepository.CartAndCatalog;
import com.coditect.commerce.data.CartRepository;
import com.coditect.commerce.data.CartTaxRate;
import com.coditect.commerce.data.DiscountCodeItem;
import com.coditect.commerce.data.ProductItem;
import com.coditect.commerce.model.CartStatus;
import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Carts: a guest's, reached with its secret, until a signed-in user claims it into their tenant;
 * then the tenant's. Every change reads the cart with the products and the discount code it
 * names in one BatchGetItem, prices it ({@link CartTotals}) and writes it at the version read.
 * A tenant's cart carries an estimate of its tax from the tenant's default billing address as of
 * its claim; checkout computes the tax again. A guest's cart belongs to nobody's audit trail, so
 * its changes emit no events; a tenant's do.
 */
@Singleton
public final class CartService {

  static final String TYPE = "cart";
  /** A guest's cart lives a week after its last change, a tenant's a month. */
  static final Duration GUEST_LIFETIME = Duration.ofDays(7);
  static final Duration TENANT_LIFETIME = Duration.ofDays(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CartRepository carts;
  private final TaxPlaces places;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  /** The tax a tenant's carts are estimated with: the default billing address's place and its rates. */
  record TaxPlace(String countryCode, String stateCode, List<CartTaxRate> rates) {
    static final TaxPlace NONE = new TaxPlace(null, null, List.of());
  }

  @Inject
  CartService(CartRepository carts, TaxPlaces places, Transactions transactions, Outbox outbox, Clock clock) {
    this.carts = carts;
    this.places = places;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * A new cart: a guest's with a fresh secret, or (signed in) the caller's tenant's. Reads the
   * products and the code it names, and for a tenant the tax place, then writes it.
   */
  public Created<CartResponse> create(Optional<Caller> owner, CreateCartRequest request) {
    Instant now = clock.instant();
    String id = Ids.newId();
    List<String> productIds = request.items().stream().map(CartFields.Quantity::productId).toList();
    CartAndCatalog read = carts.read(owner.map(Caller::tenantId), id, productIds,
        Optional.ofNullable(request.discountCode()), now);
    TaxPlace place = owner.map(o -> taxPlace(o.tenantId())).orElse(TaxPlace.NONE);
    String secret = owner.isPresent() ? null : newSecret();
    String stamp = Timestamps.format(now);
    Duration lifetime = owner.isPresent() ? TENANT_LIFETIME : GUEST_LIFETIME;
    Instant expires = now.plus(lifetime);
    ItemMeta meta = owner.isPresent()
        ? CartRepository.newTenantMeta(owner.get().tenantId(), id, stamp, expires.getEpochSecond())
        : CartRepository.newGuestMeta(id, stamp, expires.getEpochSecond());
    CartItem empty = CartItem.builder()
        .meta(meta)
        .id(id)
        .tenantId(owner.map(o -> o.tenantId().value()).orElse(null))
        .secretHash(secret == null ? null : CartAccess.hash(secret))
        .status(CartStatus.OPEN)
        .lines(List.of())
        .taxRates(place.rates())
        .taxCountryCode(place.countryCode())
        .taxStateCode(place.stateCode())
        .discountCents(0L).subtotalCents(0L).taxCents(0L).taxIncludedCents(0L).totalCents(0L)
        .expiresAt(Timestamps.format(expires))
        .build();
    CartItem cart = priced(discountFitsCurrency(withDiscount(withLines(empty, request.items(), read.products(), "items"),
        Optional.ofNullable(request.discountCode()), read.discountCode(), now)));
    WriteTransaction tx = transactions.begin();
    carts.create(tx, cart, () -> new IllegalStateException("cart id collision"));
    CartResponse view = CartResponse.from(cart);
    owner.ifPresent(o -> outbox.record(tx, o.tenantId(), o.actor(), TYPE + ".created", TYPE, id, null, view));
    tx.commit();
    String location = "/v1/carts/" + id;
    return new Created<>(location, secret == null ? view : view.withSecret(secret), cart.version());
  }

  public Versioned<CartResponse> get(CartAccess access, String cartId) {
    CartItem cart = access.check(carts.read(access.tenant(), cartId, List.of(), Optional.empty(), clock.instant()).cart());
    return new Versioned<>(CartResponse.from(cart), cart.version());
  }

  /** {@code items} replaces the lines; {@code discount_code} sets or removes the code. */
  public Versioned<CartResponse> update(CartAccess access, String cartId, Optional<Long> ifMatch,
      UpdateCartRequest request) {
    List<String> productIds = request.items().map(items -> items.stream().map(CartFields.Quantity::productId).toList())
        .orElse(List.of());
    Optional<String> code = request.discountCode().isPresent() ? Optional.ofNullable(request.discountCode().value())
        : Optional.empty();
    return change(access, cartId, ifMatch, productIds, code, (cart, read) -> {
      CartItem changed = request.items().map(items -> withLines(cart.withLines(List.of()), items, read.products(), "items"))
          .orElse(cart);
      return request.discountCode().isPresent() ? withDiscount(changed, code, read.discountCode(), clock.instant())
          : changed;
    });
  }

  /** Adds {@code quantity} of a product to the cart (to the quantity it has of it). */
  public Versioned<CartResponse> addItem(CartAccess access, String cartId, Optional<Long> ifMatch,
      AddCartItemRequest request) {
    return change(access, cartId, ifMatch, List.of(request.productId()), Optional.empty(), (cart, read) -> {
      List<CartFields.Quantity> quantities = new ArrayList<>();
      boolean merged = false;
      for (CartLine line : cart.lines()) {
        if (line.productId().equals(request.productId())) {
          quantities.add(new CartFields.Quantity(line.productId(), line.quantity() + request.quantity()));
          merged = true;
        } else {
          quantities.add(new CartFields.Quantity(line.productId(), line.quantity()));
        }
      }
      if (!merged) {
        quantities.add(new CartFields.Quantity(request.productId(), request.quantity()));
      }
      if (quantities.size() > CartFields.MAX_LINES) {
        throw UnprocessableException.forField("product_id", "a cart holds at most " + CartFields.MAX_LINES + " products");
      }
      // Lines already in the cart keep their price; only the added product is read from the catalog.
      List<CartLine> lines = new ArrayList<>();
      for (CartFields.Quantity quantity : quantities) {
        if (quantity.quantity() > CartFields.MAX_QUANTITY) {
          throw UnprocessableException.forField("quantity", "a cart holds at most " + CartFields.MAX_QUANTITY
              + " of one product");
        }
        Optional<CartLine> existing = cart.lines().stream().filter(l -> l.productId().equals(quantity.productId())).findFirst();
        lines.add(existing.map(l -> l.withQuantity(quantity.quantity()))
            .orElseGet(() -> line(read.products().get(quantity.productId()), quantity, "product_id")));
      }
      return inOneCurrency(cart.withLines(lines), "product_id");
    });
  }

  /** Removes a product's line; a product the cart does not hold is a 404. */
  public Versioned<CartResponse> removeItem(CartAccess access, String cartId, String productId) {
    return change(access, cartId, Optional.empty(), List.of(), Optional.empty(), (cart, read) -> {
      List<CartLine> kept = cart.lines().stream().filter(line -> !line.productId().equals(productId)).toList();
      if (kept.size() == cart.lines().size()) {
        throw new NotFoundException("The cart holds no such product.");
      }
      CartItem changed = cart.withLines(kept);
      return kept.isEmpty() ? changed.withCurrency(null) : changed;
    });
  }

  /** Applies a discount code: unknown, inactive or expired codes are a 422 naming {@code discount_code}. */
  public Versioned<CartResponse> applyDiscount(CartAccess access, String cartId, String code) {
    return change(access, cartId, Optional.empty(), List.of(), Optional.of(code),
        (cart, read) -> withDiscount(cart, Optional.of(code), read.discountCode(), clock.instant()));
  }

  /**
   * Moves a guest's cart (its secret shown) into the caller's tenant, with the tax of the tenant's
   * default billing address: the guest item is deleted at the version read and the tenant's
   * written in one transaction, so two claims cannot both win.
   */
  public Versioned<CartResponse> claim(Caller caller, String cartId, String secret) {
    Instant now = clock.instant();
    CartAccess guest = CartAccess.guest(secret);
    CartItem cart = guest.check(carts.read(Optional.empty(), cartId, List.of(), Optional.empty(), now).cart());
    TenantId tenant = caller.tenantId();
    TaxPlace place = taxPlace(tenant);
    Instant expires = now.plus(TENANT_LIFETIME);
    CartItem owned = priced(cart
        .withMeta(CartRepository.newTenantMeta(tenant, cartId, cart.createdAt(), expires.getEpochSecond())
            .withVersion(cart.version() + 1).withUpdatedAt(Timestamps.format(now)))
        .withTenantId(tenant.value())
        .withSecretHash(null)
        .withTaxRates(place.rates())
        .withTaxCountryCode(place.countryCode())
        .withTaxStateCode(place.stateCode())
        .withExpiresAt(Timestamps.format(expires)));
    WriteTransaction tx = transactions.begin();
    carts.claim(tx, cart, cart.version(), owned,
        () -> new ConflictException("The cart changed while it was being claimed; claim it again."));
    CartResponse view = CartResponse.from(owned);
    outbox.record(tx, tenant, caller.actor(), TYPE + ".claimed", TYPE, cartId, null, view);
    tx.commit();
    return new Versioned<>(view, owned.version());
  }

  private Versioned<CartResponse> change(CartAccess access, String cartId, Optional<Long> ifMatch,
      Collection<String> productIds, Optional<String> code, BiFunction<CartItem, CartAndCatalog, CartItem> change) {
    Instant now = clock.instant();
    CartAndCatalog read = carts.read(access.tenant(), cartId, productIds, code, now);
    CartItem cart = access.check(read.cart());
    Preconditions.checkIfMatch(ifMatch, cart.version());
    if (cart.status() == CartStatus.CHECKED_OUT) {
      throw new ConflictException("The cart was checked out; it changes no more.");
    }
    CartResponse before = CartResponse.from(cart);
    CartItem changed = priced(discountFitsCurrency(change.apply(cart, read)));
    if (CartResponse.from(changed).equals(before)) {
      return new Versioned<>(before, cart.version());
    }
    Instant expires = now.plus(cart.tenantId() == null ? GUEST_LIFETIME : TENANT_LIFETIME);
    changed = changed.nextVersion(Timestamps.format(now)).withExpiresAt(Timestamps.format(expires));
    changed = changed.withMeta(changed.meta().withTtl(expires.getEpochSecond()));
    WriteTransaction tx = transactions.begin();
    carts.replace(tx, changed, cart.version(), Preconditions.stale(ifMatch.isPresent()));
    CartResponse after = CartResponse.from(changed);
    access.owner().ifPresent(o -> outbox.record(tx, o.tenantId(), o.actor(), TYPE + ".updated", TYPE, cartId, before,
        after));
    tx.commit();
    return new Versioned<>(after, changed.version());
  }

  /** {@code cart} holding exactly {@code quantities}, priced from the catalog as read now. */
  private static CartItem withLines(CartItem cart, List<CartFields.Quantity> quantities, Map<String, ProductItem> products,
      String field) {
    List<CartLine> lines = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      CartFields.Quantity quantity = quantities.get(i);
      if (quantity.quantity() > CartFields.MAX_QUANTITY) {
        errors.add(new FieldError(field + "[" + i + "].quantity", "a cart holds at most " + CartFields.MAX_QUANTITY
            + " of one product"));
        continue;
      }
      try {
        lines.add(line(products.get(quantity.productId()), quantity, field + "[" + i + "].product_id"));
      } catch (UnprocessableException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new UnprocessableException("Some items cannot be added to a cart.", errors);
    }
    return inOneCurrency(cart.withLines(lines).withCurrency(null), field);
  }

  static CartLine line(ProductItem product, CartFields.Quantity quantity, String field) {
    if (product == null) {
      throw UnprocessableException.forField(field, "no such product in the catalog");
    }
    if (!product.active()) {
      throw UnprocessableException.forField(field, "the product is no longer sold");
    }
    if (product.interval() != ProductInterval.ONE_TIME) {
      throw UnprocessableException.forField(field, "the product is a subscription: start it with POST /v1/subscriptions");
    }
    return new CartLine(product.id(), product.sku(), product.name(), product.priceCents(), quantity.quantity(),
        product.currency());
  }

  /** Every line in one currency, the cart's; mixing them is a 422 (one payment has one currency). */
  static CartItem inOneCurrency(CartItem cart, String field) {
    String currency = cart.currency();
    for (CartLine line : cart.lines()) {
      if (currency == null) {
        currency = line.currency();
      } else if (!currency.equals(line.currency())) {
        throw UnprocessableException.forField(field, "the cart is in " + currency.toUpperCase(Locale.ROOT)
            + " and this product is priced in " + line.currency().toUpperCase(Locale.ROOT)
            + ": one cart holds one currency");
      }
    }
    return cart.withCurrency(cart.lines().isEmpty() ? null : currency);
  }

  /** {@code cart} with the code {@code wanted} applied (empty: removed), checked against the code as read. */
  static CartItem withDiscount(CartItem cart, Optional<String> wanted, Optional<DiscountCodeItem> read,
      Instant now) {
    if (wanted.isEmpty()) {
      return cart.withDiscountCode(null).withDiscountPercentOff(null).withDiscountAmountOffCents(null)
          .withDiscountCurrency(null);
    }
    DiscountCodeItem code = read.filter(DiscountCodeItem::active)
        .filter(c -> c.expiresAt() == null || Instant.parse(c.expiresAt()).isAfter(now))
        .orElseThrow(() -> UnprocessableException.forField("discount_code", "no such discount code, or it has expired"));
    return cart.withDiscountCode(code.code()).withDiscountPercentOff(code.percentOff())
        .withDiscountAmountOffCents(code.amountOffCents()).withDiscountCurrency(code.currency());
  }

  /** An amount-off code applies to carts in its currency only: a 422 naming the code otherwise. */
  static CartItem discountFitsCurrency(CartItem cart) {
    if (cart.discountCurrency() != null && cart.currency() != null && !cart.discountCurrency().equals(cart.currency())) {
      throw UnprocessableException.forField("discount_code", "the code " + cart.discountCode() + " is for "
          + cart.discountCurrency().toUpperCase(Locale.ROOT) + " carts and this cart is in "
          + cart.currency().toUpperCase(Locale.ROOT));
    }
    return cart;
  }

  /** {@code cart} with its amounts computed from its lines, discount terms and tax rates. */
  static CartItem priced(CartItem cart) {
    CartTotals.Amounts amounts = CartTotals.of(cart.lines(),
        new CartTotals.Discount(cart.discountPercentOff(), cart.discountAmountOffCents()),
        cart.taxRates().stream().map(r -> new CartTotals.Rate(new BigDecimal(r.percentage()), r.inclusive())).toList());
    return cart.withSubtotalCents(amounts.subtotalCents()).withDiscountCents(amounts.discountCents())
        .withTaxCents(amounts.taxCents()).withTaxIncludedCents(amounts.taxIncludedCents())
        .withTotalCents(amounts.totalCents());
  }

  /** Where a tenant's cart is taxed, as of now; no default billing address: no tax yet (checkout asks for one). */
  private TaxPlace taxPlace(TenantId tenant) {
    return places.ofDefaultAddress(tenant)
        .map(place -> new TaxPlace(place.address().countryCode(), place.stateCode(), place.rates()))
        .orElse(TaxPlace.NONE);
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

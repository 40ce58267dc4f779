package com.coditect.commerce.domain;

import com.coditect.billing.data.BillingAddressItem;
import com.coditect.billing.domain.PaymentService;
import com.coditect.commerce.api.CartFields;
import com.coditect.commerce.api.CheckoutRequest;
import com.coditect.commerce.api.OrderResponse;
import com.coditect.commerce.data.AddressSnapshot;
import com.coditect.commerce.data.CartItem;
import com.coditect.commerce.data.CartLine;
import com.coditect.commerce.data.CartRepository;
import com.coditect.commerce.data.OrderItem;
import com.coditect.commerce.data.OrderRepository;
import com.coditect.commerce.data.StripeCheckout;
import com.coditect.commerce.model.CartStatus;
import com.coditect.commerce.model.OrderStatus;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Checkout: one order of a tenant's cart, priced again from the catalog, the discount code checked
 * again, the tax computed from the tenant's default billing address as it is now, both addresses
 * snapshotted, and a Stripe PaymentIntent for the total with a pending Payment. Stripe is asked
 * first with an idempotency key of the cart's id and version, so a retry (with any
 * Idempotency-Key) gets the same intent; then one transaction writes the order (its id is the
 * cart's: one order per cart), the cart at the version read (checked out), the payment and its
 * PaymentIntent's pointer, and the events. A failed transaction leaves at most an intent nothing
 * points at, which nobody can pay without its client secret, and which the retry finds again.
 */
@Singleton
public final class CheckoutService {

  static final String TYPE = "order";

  private final CartRepository carts;
  private final OrderRepository orders;
  private final TaxPlaces places;
  private final StripeCheckout stripe;
  private final PaymentService payments;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  CheckoutService(CartRepository carts, OrderRepository orders, TaxPlaces places, StripeCheckout stripe,
      PaymentService payments, Transactions transactions, Outbox outbox, Clock clock) {
    this.carts = carts;
    this.orders = orders;
    this.places = places;
    this.stripe = stripe;
    this.payments = payments;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Created<OrderResponse> checkout(Caller caller, String cartId, CheckoutRequest request, IdempotencyClaim claim) {
    Instant now = clock.instant();
    TenantId tenant = caller.tenantId();
    CartItem cart = carts.read(Optional.of(tenant), cartId, List.of(), Optional.empty(), now).cart()
        .orElseThrow(() -> new NotFoundException("The cart was not found."));
    if (cart.status() == CartStatus.CHECKED_OUT) {
      throw new ConflictException("The cart was checked out already, as order " + cart.orderId() + ".");
    }
    if (cart.lines().isEmpty()) {
      throw UnprocessableException.forField("items", "the cart is empty");
    }
    CartRepository.CheckoutReads catalog = carts.readForCheckout(tenant, cart,
        Optional.ofNullable(request.shippingAddressId()));
    if (request.shippingAddressId() != null && catalog.shippingAddress().isEmpty()) {
      throw UnprocessableException.forField("shipping_address_id", "no such address of the tenant");
    }
    TaxPlaces.Place place = places.ofDefaultAddress(tenant).orElseThrow(() -> UnprocessableException.forField(
        "billing_address", "the tenant has no default billing address: add one (POST /v1/billing-addresses) first"));
    CartItem priced = CartService.priced(CartService.discountFitsCurrency(CartService.withDiscount(
        repriced(cart, catalog), Optional.ofNullable(cart.discountCode()), catalog.code(), now))
        .withTaxRates(place.rates()));
    AddressSnapshot billing = snapshot(place.address());
    AddressSnapshot shipping = catalog.shippingAddress().map(CheckoutService::snapshot).orElse(billing);

    String stamp = Timestamps.format(now);
    String orderId = cart.id();
    boolean free = priced.totalCents() == 0;
    StripeCheckout.Intent intent = free ? null : stripe.createIntent(tenant.value(), orderId, priced.totalCents(),
        priced.currency(), "checkout:" + tenant.value() + ":" + cart.id() + ":" + cart.version());
    String paymentId = free ? null : Ids.newId();
    OrderItem order = OrderRepository.indexed(tenant, OrderItem.builder()
        .meta(OrderRepository.newMeta(tenant, orderId, stamp))
        .id(orderId)
        .cartId(cart.id())
        .status(free ? OrderStatus.PAID : OrderStatus.PENDING)
        .lines(priced.lines())
        .currency(priced.currency())
        .subtotalCents(priced.subtotalCents())
        .discountCode(priced.discountCode())
        .discountCents(priced.discountCents())
        .taxCents(priced.taxCents())
        .taxIncludedCents(priced.taxIncludedCents())
        .totalCents(priced.totalCents())
        .taxRates(priced.taxRates())
        .billingDetails(billing)
        .shippingAddress(shipping)
        .paymentId(paymentId)
        .stripePaymentIntentId(free ? null : intent.id())
        .placedBy(caller.principal().userId())
        .paidAt(free ? stamp : null)
        .build());
    CartItem checkedOut = cart.withStatus(CartStatus.CHECKED_OUT).withOrderId(orderId).nextVersion(stamp);

    WriteTransaction tx = transactions.begin();
    orders.create(tx, order, () -> new ConflictException("The cart was checked out already."));
    carts.replace(tx, checkedOut, cart.version(),
        () -> new ConflictException("The cart changed during checkout; check it and check out again."));
    if (!free) {
      payments.record(tx, tenant, caller.actor(), PaymentService.pending(tenant, paymentId, orderId, intent.id(),
          priced.totalCents(), priced.currency(), stamp));
    }
    OrderResponse view = OrderResponse.from(order);
    outbox.record(tx, tenant, caller.actor(), TYPE + ".created", TYPE, orderId, null, view);
    Created<OrderResponse> created = new Created<>("/v1/orders/" + orderId,
        free ? view : view.withClientSecret(intent.clientSecret()), order.version());
    claim.attach(tx, created);
    tx.commit();
    return created;
  }

  /** The cart's lines at the catalog's prices now; a product no longer sold is a 422 naming its line. */
  private static CartItem repriced(CartItem cart, CartRepository.CheckoutReads catalog) {
    List<CartLine> lines = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < cart.lines().size(); i++) {
      CartLine line = cart.lines().get(i);
      try {
        lines.add(CartService.line(catalog.products().get(line.productId()),
            new CartFields.Quantity(line.productId(), line.quantity()),
            "items[" + i + "].product_id"));
      } catch (UnprocessableException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new UnprocessableException("Some items are no longer sold; remove them and check out again.", errors);
    }
    return CartService.inOneCurrency(cart.withLines(lines).withCurrency(null), "items");
  }

  private static AddressSnapshot snapshot(BillingAddressItem a) {
    return new AddressSnapshot(a.id(), a.fullName(), a.companyName(), a.addressLine1(), a.addressLine2(), a.city(),
        a.state(), a.postalCode(), a.countryCode(), a.phone());
  }
}

package com.coditect.commerce.api;

import com.coditect.commerce.data.AddressSnapshot;
import com.coditect.commerce.data.CartTaxRate;
import com.coditect.commerce.data.OrderItem;
import java.util.List;

/**
 * An order with its amounts, the tax rates it applied and its addresses as they were.
 * {@code client_secret} (the PaymentIntent's, for Stripe.js in the buyer's browser) is in the
 * answer to the checkout only.
 */
public record OrderResponse(String id, String cartId, String status, List<CartResponse.Item> items, String currency,
    long subtotalCents, String discountCode, long discountCents, long taxCents, long taxIncludedCents, long totalCents,
    List<TaxLine> taxRates, Address billingDetails, Address shippingAddress, String paymentId,
    String stripePaymentIntentId, String placedBy, String paidAt, String createdAt, String updatedAt,
    String clientSecret) {

  /** A rate the order's tax came from. */
  public record TaxLine(String taxRateId, String displayName, String percentage, boolean inclusive) {

    static TaxLine from(CartTaxRate rate) {
      return new TaxLine(rate.taxRateId(), rate.displayName(), rate.percentage(), rate.inclusive());
    }
  }

  /** An address as it was when the order was placed. */
  public record Address(String addressId, String fullName, String companyName, String addressLine1, String addressLine2,
      String city, String state, String postalCode, String countryCode, String phone) {

    static Address from(AddressSnapshot a) {
      return new Address(a.addressId(), a.fullName(), a.companyName(), a.addressLine1(), a.addressLine2(), a.city(),
          a.state(), a.postalCode(), a.countryCode(), a.phone());
    }
  }

  public static OrderResponse from(OrderItem order) {
    return new OrderResponse(order.id(), order.cartId(), order.status().apiName(),
        order.lines().stream().map(CartResponse.Item::from).toList(), order.currency(), order.subtotalCents(),
        order.discountCode(), order.discountCents(), order.taxCents(), order.taxIncludedCents(), order.totalCents(),
        order.taxRates().stream().map(TaxLine::from).toList(), Address.from(order.billingDetails()),
        Address.from(order.shippingAddress()), order.paymentId(), order.stripePaymentIntentId(), order.placedBy(),
        order.paidAt(), order.createdAt(), order.updatedAt(), null);
  }

  /** The checkout's answer: the order and the PaymentIntent's client secret. */
  public OrderResponse withClientSecret(String secret) {
    return new OrderResponse(id, cartId, status, items, currency, subtotalCents, discountCode, discountCents, taxCents,
        taxIncludedCents, totalCents, taxRates, billingDetails, shippingAddress, paymentId, stripePaymentIntentId,
        placedBy, paidAt, createdAt, updatedAt, secret);
  }
}

package com.coditect.commerce.data;

import com.coditect.commerce.model.OrderStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An order: a checked-out cart, priced again from the catalog at checkout, with the billing and
 * shipping addresses as they were. Key {@code PK=T#<tenant>#ORDER#<id>, SK=ORDER}; GSI1 lists the
 * tenant's orders. Its id is its cart's (one order per cart), so a second checkout of a cart
 * cannot make a second order.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractOrderItem implements StoredItem<OrderItem> {

  public static final String ENTITY = "ORDER";

  public abstract String id();

  public abstract String cartId();

  public abstract OrderStatus status();

  public abstract List<CartLine> lines();

  public abstract String currency();

  public abstract Long subtotalCents();

  public abstract @Nullable String discountCode();

  public abstract Long discountCents();

  public abstract Long taxCents();

  public abstract Long taxIncludedCents();

  public abstract Long totalCents();

  public abstract List<CartTaxRate> taxRates();

  public abstract AddressSnapshot billingDetails();

  public abstract AddressSnapshot shippingAddress();

  /** Empty for an order whose total is zero (nothing to pay). */
  public abstract @Nullable String paymentId();

  public abstract @Nullable String stripePaymentIntentId();

  public abstract String placedBy();

  public abstract @Nullable String paidAt();

  public static final TableSchema<OrderItem> SCHEMA =
      StaticImmutableTableSchema.builder(OrderItem.class, OrderItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(OrderItem::builder, OrderItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, OrderItem::meta, OrderItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(OrderItem::id).setter(OrderItem.Builder::id))
          .addAttribute(String.class, a -> a.name("cart_id").getter(OrderItem::cartId).setter(OrderItem.Builder::cartId))
          .addAttribute(OrderStatus.class, a -> a.name("status").getter(OrderItem::status).setter(OrderItem.Builder::status)
              .attributeConverter(ChoiceConverter.of(OrderStatus.class)))
          .addAttribute(CartLinesConverter.TYPE, a -> a.name("lines").getter(OrderItem::lines)
              .setter(OrderItem.Builder::lines).attributeConverter(new CartLinesConverter()))
          .addAttribute(String.class, a -> a.name("currency").getter(OrderItem::currency).setter(OrderItem.Builder::currency))
          .addAttribute(Long.class, a -> a.name("subtotal_cents").getter(OrderItem::subtotalCents)
              .setter(OrderItem.Builder::subtotalCents))
          .addAttribute(String.class, a -> a.name("discount_code").getter(OrderItem::discountCode)
              .setter(OrderItem.Builder::discountCode))
          .addAttribute(Long.class, a -> a.name("discount_cents").getter(OrderItem::discountCents)
              .setter(OrderItem.Builder::discountCents))
          .addAttribute(Long.class, a -> a.name("tax_cents").getter(OrderItem::taxCents).setter(OrderItem.Builder::taxCents))
          .addAttribute(Long.class, a -> a.name("tax_included_cents").getter(OrderItem::taxIncludedCents)
              .setter(OrderItem.Builder::taxIncludedCents))
          .addAttribute(Long.class, a -> a.name("total_cents").getter(OrderItem::totalCents)
              .setter(OrderItem.Builder::totalCents))
          .addAttribute(CartTaxRatesConverter.TYPE, a -> a.name("tax_rates").getter(OrderItem::taxRates)
              .setter(OrderItem.Builder::taxRates).attributeConverter(new CartTaxRatesConverter()))
          .addAttribute(AddressSnapshotConverter.TYPE, a -> a.name("billing_details").getter(OrderItem::billingDetails)
              .setter(OrderItem.Builder::billingDetails).attributeConverter(new AddressSnapshotConverter()))
          .addAttribute(AddressSnapshotConverter.TYPE, a -> a.name("shipping_address").getter(OrderItem::shippingAddress)
              .setter(OrderItem.Builder::shippingAddress).attributeConverter(new AddressSnapshotConverter()))
          .addAttribute(String.class, a -> a.name("payment_id").getter(OrderItem::paymentId)
              .setter(OrderItem.Builder::paymentId))
          .addAttribute(String.class, a -> a.name("stripe_payment_intent_id").getter(OrderItem::stripePaymentIntentId)
              .setter(OrderItem.Builder::stripePaymentIntentId))
          .addAttribute(String.class, a -> a.name("placed_by").getter(OrderItem::placedBy)
              .setter(OrderItem.Builder::placedBy))
          .addAttribute(String.class, a -> a.name("paid_at").getter(OrderItem::paidAt).setter(OrderItem.Builder::paidAt))
          .build();
}

package com.coditect.billing.data;

import com.coditect.billing.model.PaymentMethod;
import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A payment: one Stripe PaymentIntent of the tenant. Key {@code PK=T#<tenant>#PAYMENT#<id>,
 * SK=PAYMENT}; its refunds share the partition. GSI1 lists the tenant's payments newest first
 * (the spec's (tenant, -created_at)), GSI2 by status. The PaymentIntent's id is unique and leads back
 * here through a {@link StripeObjectItem}. {@code refunded_cents} counts every refund that is not
 * failed, reserved before Stripe is asked, so concurrent refunds never exceed the amount;
 * {@code stripe_event_created} is the time of the newest PaymentIntent event applied, so an older
 * one delivered late changes nothing.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractPaymentItem implements StoredItem<PaymentItem> {

  public static final String ENTITY = "PAYMENT";

  public abstract String id();

  public abstract @Nullable String orderId();

  public abstract @Nullable String invoiceId();

  public abstract String stripePaymentIntentId();

  public abstract @Nullable String stripeChargeId();

  public abstract Long amountCents();

  public abstract String currency();

  public abstract PaymentStatus status();

  public abstract PaymentMethod paymentMethod();

  public abstract @Nullable String cardLast4();

  public abstract @Nullable String cardBrand();

  public abstract @Nullable String failureCode();

  public abstract @Nullable String failureMessage();

  public abstract @Nullable String succeededAt();

  public abstract @Nullable String refundedAt();

  public abstract Long refundedCents();

  public abstract Long stripeEventCreated();

  public static final TableSchema<PaymentItem> SCHEMA =
      StaticImmutableTableSchema.builder(PaymentItem.class, PaymentItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(PaymentItem::builder, PaymentItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, PaymentItem::meta, PaymentItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(PaymentItem::id).setter(PaymentItem.Builder::id))
          .addAttribute(String.class, a -> a.name("order_id").getter(PaymentItem::orderId).setter(PaymentItem.Builder::orderId))
          .addAttribute(String.class, a -> a.name("invoice_id").getter(PaymentItem::invoiceId)
              .setter(PaymentItem.Builder::invoiceId))
          .addAttribute(String.class, a -> a.name("stripe_payment_intent_id").getter(PaymentItem::stripePaymentIntentId)
              .setter(PaymentItem.Builder::stripePaymentIntentId))
          .addAttribute(String.class, a -> a.name("stripe_charge_id").getter(PaymentItem::stripeChargeId)
              .setter(PaymentItem.Builder::stripeChargeId))
          .addAttribute(Long.class, a -> a.name("amount_cents").getter(PaymentItem::amountCents)
              .setter(PaymentItem.Builder::amountCents))
          .addAttribute(String.class, a -> a.name("currency").getter(PaymentItem::currency).setter(PaymentItem.Builder::currency))
          .addAttribute(PaymentStatus.class, a -> a.name("status").getter(PaymentItem::status)
              .setter(PaymentItem.Builder::status).attributeConverter(ChoiceConverter.of(PaymentStatus.class)))
          .addAttribute(PaymentMethod.class, a -> a.name("payment_method").getter(PaymentItem::paymentMethod)
              .setter(PaymentItem.Builder::paymentMethod).attributeConverter(ChoiceConverter.of(PaymentMethod.class)))
          .addAttribute(String.class, a -> a.name("card_last4").getter(PaymentItem::cardLast4)
              .setter(PaymentItem.Builder::cardLast4))
          .addAttribute(String.class, a -> a.name("card_brand").getter(PaymentItem::cardBrand)
              .setter(PaymentItem.Builder::cardBrand))
          .addAttribute(String.class, a -> a.name("failure_code").getter(PaymentItem::failureCode)
              .setter(PaymentItem.Builder::failureCode))
          .addAttribute(String.class, a -> a.name("failure_message").getter(PaymentItem::failureMessage)
              .setter(PaymentItem.Builder::failureMessage))
          .addAttribute(String.class, a -> a.name("succeeded_at").getter(PaymentItem::succeededAt)
              .setter(PaymentItem.Builder::succeededAt))
          .addAttribute(String.class, a -> a.name("refunded_at").getter(PaymentItem::refundedAt)
              .setter(PaymentItem.Builder::refundedAt))
          .addAttribute(Long.class, a -> a.name("refunded_cents").getter(PaymentItem::refundedCents)
              .setter(PaymentItem.Builder::refundedCents))
          .addAttribute(Long.class, a -> a.name("stripe_event_created").getter(PaymentItem::stripeEventCreated)
              .setter(PaymentItem.Builder::stripeEventCreated))
          .build();
}

package com.coditect.billing.data;

import com.coditect.billing.model.RefundReason;
import com.coditect.billing.model.RefundStatus;
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
 * A refund of a payment. Key {@code PK=T#<tenant>#PAYMENT#<payment>, SK=REFUND#<id>}: one Query of
 * the payment's partition lists its refunds newest first (the spec's (payment, -created_at)); GSI1
 * lists the tenant's refunds newest first. Its Stripe refund's id, once Stripe answers, is unique
 * and leads back here through a {@link StripeObjectItem}.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractRefundItem implements StoredItem<RefundItem> {

  public static final String ENTITY = "REFUND";

  public abstract String id();

  public abstract String paymentId();

  public abstract @Nullable String stripeRefundId();

  public abstract Long amountCents();

  public abstract String currency();

  public abstract @Nullable RefundReason reason();

  public abstract RefundStatus status();

  public abstract @Nullable String refundedBy();

  public abstract @Nullable String succeededAt();

  public static final TableSchema<RefundItem> SCHEMA =
      StaticImmutableTableSchema.builder(RefundItem.class, RefundItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(RefundItem::builder, RefundItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, RefundItem::meta, RefundItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(RefundItem::id).setter(RefundItem.Builder::id))
          .addAttribute(String.class, a -> a.name("payment_id").getter(RefundItem::paymentId)
              .setter(RefundItem.Builder::paymentId))
          .addAttribute(String.class, a -> a.name("stripe_refund_id").getter(RefundItem::stripeRefundId)
              .setter(RefundItem.Builder::stripeRefundId))
          .addAttribute(Long.class, a -> a.name("amount_cents").getter(RefundItem::amountCents)
              .setter(RefundItem.Builder::amountCents))
          .addAttribute(String.class, a -> a.name("currency").getter(RefundItem::currency).setter(RefundItem.Builder::currency))
          .addAttribute(RefundReason.class, a -> a.name("reason").getter(RefundItem::reason)
              .setter(RefundItem.Builder::reason).attributeConverter(ChoiceConverter.of(RefundReason.class)))
          .addAttribute(RefundStatus.class, a -> a.name("status").getter(RefundItem::status)
              .setter(RefundItem.Builder::status).attributeConverter(ChoiceConverter.of(RefundStatus.class)))
          .addAttribute(String.class, a -> a.name("refunded_by").getter(RefundItem::refundedBy)
              .setter(RefundItem.Builder::refundedBy))
          .addAttribute(String.class, a -> a.name("succeeded_at").getter(RefundItem::succeededAt)
              .setter(RefundItem.Builder::succeededAt))
          .build();
}

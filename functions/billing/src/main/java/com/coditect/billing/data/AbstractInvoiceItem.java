package com.coditect.billing.data;

import com.coditect.billing.model.InvoiceStatus;
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
 * A tenant's invoice, synced from Stripe's {@code invoice.*} events (Stripe makes invoices; this
 * API only shows them). Key {@code PK=T#<tenant>#INVOICE#<id>, SK=INVOICE}; GSI1 lists the
 * tenant's. Found again by its Stripe id through a {@code PLATFORM#STRIPE#in_...} pointer.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractInvoiceItem implements StoredItem<InvoiceItem> {

  public static final String ENTITY = "INVOICE";

  public abstract String id();

  /** Ours, when the invoice is a subscription's we know. */
  public abstract @Nullable String subscriptionId();

  public abstract @Nullable String number();

  public abstract InvoiceStatus status();

  public abstract Long amountDueCents();

  public abstract Long amountPaidCents();

  public abstract String currency();

  public abstract String stripeInvoiceId();

  public abstract @Nullable String hostedInvoiceUrl();

  public abstract @Nullable String periodStart();

  public abstract @Nullable String periodEnd();

  /** When Stripe last reported a failed attempt to collect it ({@code invoice.payment_failed}). */
  public abstract @Nullable String paymentFailedAt();

  public abstract @Nullable String paidAt();

  public abstract Long stripeEventCreated();

  public static final TableSchema<InvoiceItem> SCHEMA =
      StaticImmutableTableSchema.builder(InvoiceItem.class, InvoiceItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(InvoiceItem::builder, InvoiceItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, InvoiceItem::meta, InvoiceItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(InvoiceItem::id).setter(InvoiceItem.Builder::id))
          .addAttribute(String.class, a -> a.name("subscription_id").getter(InvoiceItem::subscriptionId)
              .setter(InvoiceItem.Builder::subscriptionId))
          .addAttribute(String.class, a -> a.name("number").getter(InvoiceItem::number).setter(InvoiceItem.Builder::number))
          .addAttribute(InvoiceStatus.class, a -> a.name("status").getter(InvoiceItem::status)
              .setter(InvoiceItem.Builder::status).attributeConverter(ChoiceConverter.of(InvoiceStatus.class)))
          .addAttribute(Long.class, a -> a.name("amount_due_cents").getter(InvoiceItem::amountDueCents)
              .setter(InvoiceItem.Builder::amountDueCents))
          .addAttribute(Long.class, a -> a.name("amount_paid_cents").getter(InvoiceItem::amountPaidCents)
              .setter(InvoiceItem.Builder::amountPaidCents))
          .addAttribute(String.class, a -> a.name("currency").getter(InvoiceItem::currency)
              .setter(InvoiceItem.Builder::currency))
          .addAttribute(String.class, a -> a.name("stripe_invoice_id").getter(InvoiceItem::stripeInvoiceId)
              .setter(InvoiceItem.Builder::stripeInvoiceId))
          .addAttribute(String.class, a -> a.name("hosted_invoice_url").getter(InvoiceItem::hostedInvoiceUrl)
              .setter(InvoiceItem.Builder::hostedInvoiceUrl))
          .addAttribute(String.class, a -> a.name("period_start").getter(InvoiceItem::periodStart)
              .setter(InvoiceItem.Builder::periodStart))
          .addAttribute(String.class, a -> a.name("period_end").getter(InvoiceItem::periodEnd)
              .setter(InvoiceItem.Builder::periodEnd))
          .addAttribute(String.class, a -> a.name("payment_failed_at").getter(InvoiceItem::paymentFailedAt)
              .setter(InvoiceItem.Builder::paymentFailedAt))
          .addAttribute(String.class, a -> a.name("paid_at").getter(InvoiceItem::paidAt).setter(InvoiceItem.Builder::paidAt))
          .addAttribute(Long.class, a -> a.name("stripe_event_created").getter(InvoiceItem::stripeEventCreated)
              .setter(InvoiceItem.Builder::stripeEventCreated))
          .build();
}

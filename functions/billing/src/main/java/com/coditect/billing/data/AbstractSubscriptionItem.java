package com.coditect.billing.data;

import com.coditect.billing.model.SubscriptionStatus;
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
 * A tenant's subscription to a product of the catalog, the twin of a Stripe subscription. Key
 * {@code PK=T#<tenant>#SUBSCRIPTION#<id>, SK=SUBSCRIPTION}; GSI1 lists the tenant's. Its Stripe id
 * points back through a {@code PLATFORM#STRIPE#sub_...} item, which is how the webhook finds it.
 * {@code stripe_event_created} is the newest Stripe event applied: an older one changes nothing.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractSubscriptionItem implements StoredItem<SubscriptionItem> {

  public static final String ENTITY = "SUBSCRIPTION";

  public abstract String id();

  public abstract String productId();

  public abstract String stripeSubscriptionId();

  /** The subscription item that carries the price (a plan change swaps its price). */
  public abstract String stripeItemId();

  public abstract String stripePriceId();

  public abstract SubscriptionStatus status();

  public abstract @Nullable String currentPeriodStart();

  public abstract @Nullable String currentPeriodEnd();

  public abstract @Nullable String trialStart();

  public abstract @Nullable String trialEnd();

  /** The day of the month (1 to 31) the billing cycle was anchored to; empty: Stripe's default. */
  public abstract @Nullable Integer billingCycleAnchor();

  public abstract Boolean cancelAtPeriodEnd();

  public abstract @Nullable String canceledAt();

  /** When Stripe said the trial ends in three days ({@code customer.subscription.trial_will_end}). */
  public abstract @Nullable String trialWillEndNotifiedAt();

  public abstract Long stripeEventCreated();

  public static final TableSchema<SubscriptionItem> SCHEMA =
      StaticImmutableTableSchema.builder(SubscriptionItem.class, SubscriptionItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(SubscriptionItem::builder, SubscriptionItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, SubscriptionItem::meta, SubscriptionItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(SubscriptionItem::id).setter(SubscriptionItem.Builder::id))
          .addAttribute(String.class, a -> a.name("product_id").getter(SubscriptionItem::productId)
              .setter(SubscriptionItem.Builder::productId))
          .addAttribute(String.class, a -> a.name("stripe_subscription_id").getter(SubscriptionItem::stripeSubscriptionId)
              .setter(SubscriptionItem.Builder::stripeSubscriptionId))
          .addAttribute(String.class, a -> a.name("stripe_item_id").getter(SubscriptionItem::stripeItemId)
              .setter(SubscriptionItem.Builder::stripeItemId))
          .addAttribute(String.class, a -> a.name("stripe_price_id").getter(SubscriptionItem::stripePriceId)
              .setter(SubscriptionItem.Builder::stripePriceId))
          .addAttribute(SubscriptionStatus.class, a -> a.name("status").getter(SubscriptionItem::status)
              .setter(SubscriptionItem.Builder::status).attributeConverter(ChoiceConverter.of(SubscriptionStatus.class)))
          .addAttribute(String.class, a -> a.name("current_period_start").getter(SubscriptionItem::currentPeriodStart)
              .setter(SubscriptionItem.Builder::currentPeriodStart))
          .addAttribute(String.class, a -> a.name("current_period_end").getter(SubscriptionItem::currentPeriodEnd)
              .setter(SubscriptionItem.Builder::currentPeriodEnd))
          .addAttribute(String.class, a -> a.name("trial_start").getter(SubscriptionItem::trialStart)
              .setter(SubscriptionItem.Builder::trialStart))
          .addAttribute(String.class, a -> a.name("trial_end").getter(SubscriptionItem::trialEnd)
              .setter(SubscriptionItem.Builder::trialEnd))
          .addAttribute(Integer.class, a -> a.name("billing_cycle_anchor").getter(SubscriptionItem::billingCycleAnchor)
              .setter(SubscriptionItem.Builder::billingCycleAnchor))
          .addAttribute(Boolean.class, a -> a.name("cancel_at_period_end").getter(SubscriptionItem::cancelAtPeriodEnd)
              .setter(SubscriptionItem.Builder::cancelAtPeriodEnd))
          .addAttribute(String.class, a -> a.name("canceled_at").getter(SubscriptionItem::canceledAt)
              .setter(SubscriptionItem.Builder::canceledAt))
          .addAttribute(String.class, a -> a.name("trial_will_end_notified_at")
              .getter(SubscriptionItem::trialWillEndNotifiedAt).setter(SubscriptionItem.Builder::trialWillEndNotifiedAt))
          .addAttribute(Long.class, a -> a.name("stripe_event_created").getter(SubscriptionItem::stripeEventCreated)
              .setter(SubscriptionItem.Builder::stripeEventCreated))
          .build();
}

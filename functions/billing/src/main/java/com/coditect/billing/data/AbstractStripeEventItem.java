package com.coditect.billing.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A Stripe event as the webhook received it, once per Stripe event id ({@code PK=PLATFORM#STRIPE_EVENT#<evt>,
 * SK=STRIPE_EVENT}, written with {@code attribute_not_exists}): the raw payload, gzipped, for its
 * processing off the request path and for the record. Kept 30 days (Stripe retries a delivery for
 * three), by TTL.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractStripeEventItem implements StoredItem<StripeEventItem> {

  public static final String ENTITY = "STRIPE_EVENT";

  public abstract String eventId();

  public abstract String type();

  /** Stripe's {@code created}: epoch seconds. */
  public abstract Long created();

  public abstract SdkBytes payloadGzip();

  public static final TableSchema<StripeEventItem> SCHEMA =
      StaticImmutableTableSchema.builder(StripeEventItem.class, StripeEventItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(StripeEventItem::builder, StripeEventItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, StripeEventItem::meta, StripeEventItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("event_id").getter(StripeEventItem::eventId)
              .setter(StripeEventItem.Builder::eventId))
          .addAttribute(String.class, a -> a.name("type").getter(StripeEventItem::type).setter(StripeEventItem.Builder::type))
          .addAttribute(Long.class, a -> a.name("created").getter(StripeEventItem::created)
              .setter(StripeEventItem.Builder::created))
          .addAttribute(SdkBytes.class, a -> a.name("payload_gzip").getter(StripeEventItem::payloadGzip)
              .setter(StripeEventItem.Builder::payloadGzip))
          .build();
}

package com.coditect.billing.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Where a Stripe object of ours lives: {@code PK=STRIPE#<stripe id>, SK=STRIPE} names the tenant
 * and the item. Stripe's webhooks carry Stripe's ids, not ours, and no tenant: this is how their
 * processing finds the tenant, and, written with {@code attribute_not_exists} in the same
 * transaction as the item, it is the Stripe id's uniqueness constraint too.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractStripeObjectItem implements StoredItem<StripeObjectItem> {

  public static final String ENTITY = "STRIPE_OBJECT";

  public abstract String stripeId();

  public abstract String tenantId();

  public abstract String resourceType();

  public abstract String resourceId();

  public static final TableSchema<StripeObjectItem> SCHEMA =
      StaticImmutableTableSchema.builder(StripeObjectItem.class, StripeObjectItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(StripeObjectItem::builder, StripeObjectItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, StripeObjectItem::meta, StripeObjectItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("stripe_id").getter(StripeObjectItem::stripeId)
              .setter(StripeObjectItem.Builder::stripeId))
          .addAttribute(String.class, a -> a.name("tenant_id").getter(StripeObjectItem::tenantId)
              .setter(StripeObjectItem.Builder::tenantId))
          .addAttribute(String.class, a -> a.name("resource_type").getter(StripeObjectItem::resourceType)
              .setter(StripeObjectItem.Builder::resourceType))
          .addAttribute(String.class, a -> a.name("resource_id").getter(StripeObjectItem::resourceId)
              .setter(StripeObjectItem.Builder::resourceId))
          .build();
}

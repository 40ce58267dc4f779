package com.coditect.billing.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Which address is the tenant's default: one item per tenant, {@code PK=SK=BILLING_DEFAULT} in the
 * tenant's key space. Every change of the default writes it conditionally on the version read, in
 * the transaction that flips the addresses' {@code is_default}, so two concurrent changes cannot
 * both win and leave two defaults.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractBillingDefaultItem implements StoredItem<BillingDefaultItem> {

  public static final String ENTITY = "BILLING_DEFAULT";

  public abstract String addressId();

  public static final TableSchema<BillingDefaultItem> SCHEMA =
      StaticImmutableTableSchema.builder(BillingDefaultItem.class, BillingDefaultItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(BillingDefaultItem::builder, BillingDefaultItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, BillingDefaultItem::meta, BillingDefaultItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("address_id").getter(BillingDefaultItem::addressId)
              .setter(BillingDefaultItem.Builder::addressId))
          .build();
}

package com.coditect.commerce.data;

import com.coditect.commerce.model.ProductInterval;
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
 * A product of the platform's catalog. Key {@code PK=PLATFORM#PRODUCT#<id>, SK=PRODUCT}; GSI1 lists
 * the catalog. Its twins in Stripe: a Product, and the Price of its current amount, currency and
 * interval (Stripe's prices never change, so a new amount is a new Price).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractProductItem implements StoredItem<ProductItem> {

  public static final String ENTITY = "PRODUCT";

  public abstract String id();

  public abstract String sku();

  public abstract String name();

  public abstract @Nullable String description();

  public abstract Long priceCents();

  /** ISO 4217, lower case as Stripe writes it ({@code usd}). */
  public abstract String currency();

  public abstract ProductInterval interval();

  public abstract Boolean active();

  public abstract String stripeProductId();

  public abstract String stripePriceId();

  public static final TableSchema<ProductItem> SCHEMA =
      StaticImmutableTableSchema.builder(ProductItem.class, ProductItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ProductItem::builder, ProductItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ProductItem::meta, ProductItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(ProductItem::id).setter(ProductItem.Builder::id))
          .addAttribute(String.class, a -> a.name("sku").getter(ProductItem::sku).setter(ProductItem.Builder::sku))
          .addAttribute(String.class, a -> a.name("name").getter(ProductItem::name).setter(ProductItem.Builder::name))
          .addAttribute(String.class, a -> a.name("description").getter(ProductItem::description)
              .setter(ProductItem.Builder::description))
          .addAttribute(Long.class, a -> a.name("price_cents").getter(ProductItem::priceCents)
              .setter(ProductItem.Builder::priceCents))
          .addAttribute(String.class, a -> a.name("currency").getter(ProductItem::currency)
              .setter(ProductItem.Builder::currency))
          .addAttribute(ProductInterval.class, a -> a.name("interval").getter(ProductItem::interval)
              .setter(ProductItem.Builder::interval).attributeConverter(ChoiceConverter.of(ProductInterval.class)))
          .addAttribute(Boolean.class, a -> a.name("active").getter(ProductItem::active).setter(ProductItem.Builder::active))
          .addAttribute(String.class, a -> a.name("stripe_product_id").getter(ProductItem::stripeProductId)
              .setter(ProductItem.Builder::stripeProductId))
          .addAttribute(String.class, a -> a.name("stripe_price_id").getter(ProductItem::stripePriceId)
              .setter(ProductItem.Builder::stripePriceId))
          .build();
}

package com.coditect.commerce.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A discount code of the platform, kept by platform administrators. Keyed by the code itself
 * ({@code PK=PLATFORM#DISCOUNT_CODE#<CODE>, SK=DISCOUNT_CODE}): a cart looks a code up with one
 * GetItem, and the key makes codes unique. GSI1 lists them. Either a percentage off the subtotal
 * or a fixed amount off in one currency.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractDiscountCodeItem implements StoredItem<DiscountCodeItem> {

  public static final String ENTITY = "DISCOUNT_CODE";

  public abstract String id();

  /** Upper case: codes are matched without regard to case. */
  public abstract String code();

  public abstract @Nullable String description();

  /** Whole percent, 1 to 100; empty for an amount-off code. */
  public abstract @Nullable Integer percentOff();

  public abstract @Nullable Long amountOffCents();

  /** The currency of {@code amount_off_cents}; the code applies only to carts in it. */
  public abstract @Nullable String currency();

  public abstract Boolean active();

  public abstract @Nullable String expiresAt();

  public static final TableSchema<DiscountCodeItem> SCHEMA =
      StaticImmutableTableSchema.builder(DiscountCodeItem.class, DiscountCodeItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(DiscountCodeItem::builder, DiscountCodeItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, DiscountCodeItem::meta, DiscountCodeItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(DiscountCodeItem::id).setter(DiscountCodeItem.Builder::id))
          .addAttribute(String.class, a -> a.name("code").getter(DiscountCodeItem::code)
              .setter(DiscountCodeItem.Builder::code))
          .addAttribute(String.class, a -> a.name("description").getter(DiscountCodeItem::description)
              .setter(DiscountCodeItem.Builder::description))
          .addAttribute(Integer.class, a -> a.name("percent_off").getter(DiscountCodeItem::percentOff)
              .setter(DiscountCodeItem.Builder::percentOff))
          .addAttribute(Long.class, a -> a.name("amount_off_cents").getter(DiscountCodeItem::amountOffCents)
              .setter(DiscountCodeItem.Builder::amountOffCents))
          .addAttribute(String.class, a -> a.name("currency").getter(DiscountCodeItem::currency)
              .setter(DiscountCodeItem.Builder::currency))
          .addAttribute(Boolean.class, a -> a.name("active").getter(DiscountCodeItem::active)
              .setter(DiscountCodeItem.Builder::active))
          .addAttribute(String.class, a -> a.name("expires_at").getter(DiscountCodeItem::expiresAt)
              .setter(DiscountCodeItem.Builder::expiresAt))
          .build();
}

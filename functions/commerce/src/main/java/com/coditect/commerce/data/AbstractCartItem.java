package com.coditect.commerce.data;

import com.coditect.commerce.model.CartStatus;
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
 * A cart. A guest's is {@code PK=PLATFORM#CART#<id>, SK=CART}, with no tenant and the SHA-256 of
 * its secret; the claim moves it to {@code PK=T#<tenant>#CART#<id>} (the guest item is deleted in
 * the same transaction), so from then on only that tenant's keys reach it. Both expire: {@code ttl}
 * is {@code expires_at}, and a read treats an expired cart as gone before DynamoDB deletes it.
 * The amounts are the totals of {@code CartTotals} as of the last change.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractCartItem implements StoredItem<CartItem> {

  public static final String ENTITY = "CART";

  public abstract String id();

  /** Empty while the cart is a guest's. */
  public abstract @Nullable String tenantId();

  /** Lower-case hex SHA-256 of the guest's cart secret; empty once claimed. */
  public abstract @Nullable String secretHash();

  public abstract CartStatus status();

  public abstract List<CartLine> lines();

  /** ISO 4217 in lower case, set by the first line (every line must be in it); empty for an empty cart. */
  public abstract @Nullable String currency();

  public abstract @Nullable String discountCode();

  /** The applied code's terms, copied when it was applied, so a change of lines needs no second read. */
  public abstract @Nullable Integer discountPercentOff();

  public abstract @Nullable Long discountAmountOffCents();

  /** The currency of an amount-off code: it applies only to a cart in it. */
  public abstract @Nullable String discountCurrency();

  public abstract Long discountCents();

  public abstract Long subtotalCents();

  public abstract Long taxCents();

  public abstract Long taxIncludedCents();

  public abstract Long totalCents();

  /**
   * The rates of the tenant's default billing address as of the claim (or the creation of a
   * tenant's cart): the cart's tax is an estimate from them; checkout reads the address and the
   * rates again.
   */
  public abstract List<CartTaxRate> taxRates();

  /** The country and state the tax was computed for (from the default billing address); empty for a guest. */
  public abstract @Nullable String taxCountryCode();

  public abstract @Nullable String taxStateCode();

  public abstract @Nullable String orderId();

  public abstract String expiresAt();

  public static final TableSchema<CartItem> SCHEMA =
      StaticImmutableTableSchema.builder(CartItem.class, CartItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(CartItem::builder, CartItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, CartItem::meta, CartItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(CartItem::id).setter(CartItem.Builder::id))
          .addAttribute(String.class, a -> a.name("tenant_id").getter(CartItem::tenantId).setter(CartItem.Builder::tenantId))
          .addAttribute(String.class, a -> a.name("secret_hash").getter(CartItem::secretHash)
              .setter(CartItem.Builder::secretHash))
          .addAttribute(CartStatus.class, a -> a.name("status").getter(CartItem::status).setter(CartItem.Builder::status)
              .attributeConverter(ChoiceConverter.of(CartStatus.class)))
          .addAttribute(CartLinesConverter.TYPE, a -> a.name("lines").getter(CartItem::lines)
              .setter(CartItem.Builder::lines).attributeConverter(new CartLinesConverter()))
          .addAttribute(String.class, a -> a.name("currency").getter(CartItem::currency).setter(CartItem.Builder::currency))
          .addAttribute(String.class, a -> a.name("discount_code").getter(CartItem::discountCode)
              .setter(CartItem.Builder::discountCode))
          .addAttribute(Integer.class, a -> a.name("discount_percent_off").getter(CartItem::discountPercentOff)
              .setter(CartItem.Builder::discountPercentOff))
          .addAttribute(Long.class, a -> a.name("discount_amount_off_cents").getter(CartItem::discountAmountOffCents)
              .setter(CartItem.Builder::discountAmountOffCents))
          .addAttribute(String.class, a -> a.name("discount_currency").getter(CartItem::discountCurrency)
              .setter(CartItem.Builder::discountCurrency))
          .addAttribute(CartTaxRatesConverter.TYPE, a -> a.name("tax_rates").getter(CartItem::taxRates)
              .setter(CartItem.Builder::taxRates).attributeConverter(new CartTaxRatesConverter()))
          .addAttribute(Long.class, a -> a.name("discount_cents").getter(CartItem::discountCents)
              .setter(CartItem.Builder::discountCents))
          .addAttribute(Long.class, a -> a.name("subtotal_cents").getter(CartItem::subtotalCents)
              .setter(CartItem.Builder::subtotalCents))
          .addAttribute(Long.class, a -> a.name("tax_cents").getter(CartItem::taxCents).setter(CartItem.Builder::taxCents))
          .addAttribute(Long.class, a -> a.name("tax_included_cents").getter(CartItem::taxIncludedCents)
              .setter(CartItem.Builder::taxIncludedCents))
          .addAttribute(Long.class, a -> a.name("total_cents").getter(CartItem::totalCents)
              .setter(CartItem.Builder::totalCents))
          .addAttribute(String.class, a -> a.name("tax_country_code").getter(CartItem::taxCountryCode)
              .setter(CartItem.Builder::taxCountryCode))
          .addAttribute(String.class, a -> a.name("tax_state_code").getter(CartItem::taxStateCode)
              .setter(CartItem.Builder::taxStateCode))
          .addAttribute(String.class, a -> a.name("order_id").getter(CartItem::orderId).setter(CartItem.Builder::orderId))
          .addAttribute(String.class, a -> a.name("expires_at").getter(CartItem::expiresAt)
              .setter(CartItem.Builder::expiresAt))
          .build();
}

package com.coditect.billing.data;

import com.coditect.billing.model.TaxType;
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
 * A platform-wide tax rate (no tenant: platform administrators keep them). Key
 * {@code PK=PLATFORM#TAX_RATE#<id>, SK=TAX_RATE}; GSI1 lists every rate, GSI2 a country's rates
 * with the state first in the sort key (the spec's index (country_code, state_code)). Its Stripe
 * twin's id is unique through a {@code STRIPE_TAX_RATE} sentinel. The percentage is kept as the
 * decimal text it was given ({@code "8.875"} stays exact).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractTaxRateItem implements StoredItem<TaxRateItem> {

  public static final String ENTITY = "TAX_RATE";

  public abstract String id();

  public abstract String stripeTaxRateId();

  public abstract String displayName();

  public abstract String percentage();

  public abstract String jurisdiction();

  public abstract String countryCode();

  public abstract @Nullable String stateCode();

  public abstract TaxType taxType();

  public abstract Boolean inclusive();

  public abstract Boolean active();

  public static final TableSchema<TaxRateItem> SCHEMA =
      StaticImmutableTableSchema.builder(TaxRateItem.class, TaxRateItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(TaxRateItem::builder, TaxRateItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, TaxRateItem::meta, TaxRateItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(TaxRateItem::id).setter(TaxRateItem.Builder::id))
          .addAttribute(String.class, a -> a.name("stripe_tax_rate_id").getter(TaxRateItem::stripeTaxRateId)
              .setter(TaxRateItem.Builder::stripeTaxRateId))
          .addAttribute(String.class, a -> a.name("display_name").getter(TaxRateItem::displayName)
              .setter(TaxRateItem.Builder::displayName))
          .addAttribute(String.class, a -> a.name("percentage").getter(TaxRateItem::percentage)
              .setter(TaxRateItem.Builder::percentage))
          .addAttribute(String.class, a -> a.name("jurisdiction").getter(TaxRateItem::jurisdiction)
              .setter(TaxRateItem.Builder::jurisdiction))
          .addAttribute(String.class, a -> a.name("country_code").getter(TaxRateItem::countryCode)
              .setter(TaxRateItem.Builder::countryCode))
          .addAttribute(String.class, a -> a.name("state_code").getter(TaxRateItem::stateCode)
              .setter(TaxRateItem.Builder::stateCode))
          .addAttribute(TaxType.class, a -> a.name("tax_type").getter(TaxRateItem::taxType)
              .setter(TaxRateItem.Builder::taxType).attributeConverter(ChoiceConverter.of(TaxType.class)))
          .addAttribute(Boolean.class, a -> a.name("inclusive").getter(TaxRateItem::inclusive)
              .setter(TaxRateItem.Builder::inclusive))
          .addAttribute(Boolean.class, a -> a.name("active").getter(TaxRateItem::active)
              .setter(TaxRateItem.Builder::active))
          .build();
}

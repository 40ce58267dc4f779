package com.coditect.billing.data;

import com.coditect.billing.model.AddressType;
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
 * A tenant's billing (or shipping) address. Key {@code PK=T#<tenant>#BILLING_ADDRESS#<id>,
 * SK=BILLING_ADDRESS}; GSI1 lists the tenant's addresses by type and age; the default one alone is
 * in GSI2 (a sparse index: the spec's {@code (tenant, is_default)}). At most one default per tenant
 * is held by the {@link BillingDefaultItem} every change of the default writes in its transaction.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractBillingAddressItem implements StoredItem<BillingAddressItem> {

  public static final String ENTITY = "BILLING_ADDRESS";

  public abstract String id();

  public abstract AddressType addressType();

  public abstract String fullName();

  public abstract @Nullable String companyName();

  public abstract String addressLine1();

  public abstract @Nullable String addressLine2();

  public abstract String city();

  public abstract @Nullable String state();

  public abstract String postalCode();

  public abstract String countryCode();

  public abstract @Nullable String phone();

  public abstract Boolean isDefault();

  public static final TableSchema<BillingAddressItem> SCHEMA =
      StaticImmutableTableSchema.builder(BillingAddressItem.class, BillingAddressItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(BillingAddressItem::builder, BillingAddressItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, BillingAddressItem::meta, BillingAddressItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(BillingAddressItem::id)
              .setter(BillingAddressItem.Builder::id))
          .addAttribute(AddressType.class, a -> a.name("address_type").getter(BillingAddressItem::addressType)
              .setter(BillingAddressItem.Builder::addressType).attributeConverter(ChoiceConverter.of(AddressType.class)))
          .addAttribute(String.class, a -> a.name("full_name").getter(BillingAddressItem::fullName)
              .setter(BillingAddressItem.Builder::fullName))
          .addAttribute(String.class, a -> a.name("company_name").getter(BillingAddressItem::companyName)
              .setter(BillingAddressItem.Builder::companyName))
          .addAttribute(String.class, a -> a.name("address_line1").getter(BillingAddressItem::addressLine1)
              .setter(BillingAddressItem.Builder::addressLine1))
          .addAttribute(String.class, a -> a.name("address_line2").getter(BillingAddressItem::addressLine2)
              .setter(BillingAddressItem.Builder::addressLine2))
          .addAttribute(String.class, a -> a.name("city").getter(BillingAddressItem::city)
              .setter(BillingAddressItem.Builder::city))
          .addAttribute(String.class, a -> a.name("state").getter(BillingAddressItem::state)
              .setter(BillingAddressItem.Builder::state))
          .addAttribute(String.class, a -> a.name("postal_code").getter(BillingAddressItem::postalCode)
              .setter(BillingAddressItem.Builder::postalCode))
          .addAttribute(String.class, a -> a.name("country_code").getter(BillingAddressItem::countryCode)
              .setter(BillingAddressItem.Builder::countryCode))
          .addAttribute(String.class, a -> a.name("phone").getter(BillingAddressItem::phone)
              .setter(BillingAddressItem.Builder::phone))
          .addAttribute(Boolean.class, a -> a.name("is_default").getter(BillingAddressItem::isDefault)
              .setter(BillingAddressItem.Builder::isDefault))
          .build();
}

package com.coditect.contacts.data;

import com.coditect.contacts.model.ContactAddressType;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import java.math.BigDecimal;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** A postal address of a tenant, a user or an order; keys in {@link ContactKeys}. */
@Value.Immutable
@ItemStyle
abstract class AbstractAddressItem implements ContactItem<AddressItem> {

  public static final String ENTITY = ContactKind.ADDRESS.entity();

  public abstract ContactAddressType addressType();

  public abstract @Nullable String label();

  public abstract @Nullable String fullName();

  public abstract @Nullable String companyName();

  public abstract String addressLine1();

  public abstract @Nullable String addressLine2();

  public abstract String city();

  public abstract @Nullable String state();

  public abstract String postalCode();

  public abstract String countryCode();

  public abstract @Nullable BigDecimal latitude();

  public abstract @Nullable BigDecimal longitude();

  @Override
  public String type() {
    return addressType().apiName();
  }

  public static final TableSchema<AddressItem> SCHEMA =
      StaticImmutableTableSchema.builder(AddressItem.class, AddressItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(AddressItem::builder, AddressItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, AddressItem::meta, AddressItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(AddressItem::id).setter(AddressItem.Builder::id))
          .addAttribute(EntityType.class, a -> a.name("owner_type").getter(AddressItem::entityType)
              .setter(AddressItem.Builder::entityType).attributeConverter(ChoiceConverter.of(EntityType.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(AddressItem::entityId)
              .setter(AddressItem.Builder::entityId))
          .addAttribute(ContactAddressType.class, a -> a.name("address_type").getter(AddressItem::addressType)
              .setter(AddressItem.Builder::addressType).attributeConverter(ChoiceConverter.of(ContactAddressType.class)))
          .addAttribute(String.class, a -> a.name("label").getter(AddressItem::label).setter(AddressItem.Builder::label))
          .addAttribute(String.class, a -> a.name("full_name").getter(AddressItem::fullName)
              .setter(AddressItem.Builder::fullName))
          .addAttribute(String.class, a -> a.name("company_name").getter(AddressItem::companyName)
              .setter(AddressItem.Builder::companyName))
          .addAttribute(String.class, a -> a.name("address_line1").getter(AddressItem::addressLine1)
              .setter(AddressItem.Builder::addressLine1))
          .addAttribute(String.class, a -> a.name("address_line2").getter(AddressItem::addressLine2)
              .setter(AddressItem.Builder::addressLine2))
          .addAttribute(String.class, a -> a.name("city").getter(AddressItem::city).setter(AddressItem.Builder::city))
          .addAttribute(String.class, a -> a.name("state").getter(AddressItem::state).setter(AddressItem.Builder::state))
          .addAttribute(String.class, a -> a.name("postal_code").getter(AddressItem::postalCode)
              .setter(AddressItem.Builder::postalCode))
          .addAttribute(String.class, a -> a.name("country_code").getter(AddressItem::countryCode)
              .setter(AddressItem.Builder::countryCode))
          .addAttribute(BigDecimal.class, a -> a.name("latitude").getter(AddressItem::latitude)
              .setter(AddressItem.Builder::latitude))
          .addAttribute(BigDecimal.class, a -> a.name("longitude").getter(AddressItem::longitude)
              .setter(AddressItem.Builder::longitude))
          .addAttribute(Boolean.class, a -> a.name("is_default").getter(AddressItem::isDefault)
              .setter(AddressItem.Builder::isDefault))
          .addAttribute(Boolean.class, a -> a.name("is_verified").getter(AddressItem::isVerified)
              .setter(AddressItem.Builder::isVerified))
          .build();
}

package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.contacts.model.PhoneType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A phone number of a tenant or a user, stored as E.164 ({@code phone_number}) beside what was
 * typed ({@code raw_input}); {@code country_code} is the number's dialing code ({@code +44}) and
 * {@code region} the ISO country it belongs to. Keys in {@link ContactKeys}.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractPhoneNumberItem implements ContactItem<PhoneNumberItem> {

  public static final String ENTITY = ContactKind.PHONE_NUMBER.entity();

  public abstract PhoneType phoneType();

  public abstract @Nullable String label();

  public abstract String countryCode();

  public abstract @Nullable String region();

  public abstract String phoneNumber();

  public abstract String rawInput();

  public abstract @Nullable String extension();

  @Override
  public String type() {
    return phoneType().apiName();
  }

  public static final TableSchema<PhoneNumberItem> SCHEMA =
      StaticImmutableTableSchema.builder(PhoneNumberItem.class, PhoneNumberItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(PhoneNumberItem::builder, PhoneNumberItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, PhoneNumberItem::meta, PhoneNumberItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(PhoneNumberItem::id).setter(PhoneNumberItem.Builder::id))
          .addAttribute(EntityType.class, a -> a.name("owner_type").getter(PhoneNumberItem::entityType)
              .setter(PhoneNumberItem.Builder::entityType).attributeConverter(ChoiceConverter.of(EntityType.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(PhoneNumberItem::entityId)
              .setter(PhoneNumberItem.Builder::entityId))
          .addAttribute(PhoneType.class, a -> a.name("phone_type").getter(PhoneNumberItem::phoneType)
              .setter(PhoneNumberItem.Builder::phoneType).attributeConverter(ChoiceConverter.of(PhoneType.class)))
          .addAttribute(String.class, a -> a.name("label").getter(PhoneNumberItem::label)
              .setter(PhoneNumberItem.Builder::label))
          .addAttribute(String.class, a -> a.name("country_code").getter(PhoneNumberItem::countryCode)
              .setter(PhoneNumberItem.Builder::countryCode))
          .addAttribute(String.class, a -> a.name("region").getter(PhoneNumberItem::region)
              .setter(PhoneNumberItem.Builder::region))
          .addAttribute(String.class, a -> a.name("phone_number").getter(PhoneNumberItem::phoneNumber)
              .setter(PhoneNumberItem.Builder::phoneNumber))
          .addAttribute(String.class, a -> a.name("raw_input").getter(PhoneNumberItem::rawInput)
              .setter(PhoneNumberItem.Builder::rawInput))
          .addAttribute(String.class, a -> a.name("extension").getter(PhoneNumberItem::extension)
              .setter(PhoneNumberItem.Builder::extension))
          .addAttribute(Boolean.class, a -> a.name("is_default").getter(PhoneNumberItem::isDefault)
              .setter(PhoneNumberItem.Builder::isDefault))
          .addAttribute(Boolean.class, a -> a.name("is_verified").getter(PhoneNumberItem::isVerified)
              .setter(PhoneNumberItem.Builder::isVerified))
          .build();
}

package com.coditect.contacts.data;

import com.coditect.contacts.model.EmailType;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** An e-mail address of a tenant or a user (domain part lower-cased); keys in {@link ContactKeys}. */
@Value.Immutable
@ItemStyle
abstract class AbstractEmailAddressItem implements ContactItem<EmailAddressItem> {

  public static final String ENTITY = ContactKind.EMAIL_ADDRESS.entity();

  public abstract EmailType emailType();

  public abstract @Nullable String label();

  public abstract String email();

  @Override
  public String type() {
    return emailType().apiName();
  }

  public static final TableSchema<EmailAddressItem> SCHEMA =
      StaticImmutableTableSchema.builder(EmailAddressItem.class, EmailAddressItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(EmailAddressItem::builder, EmailAddressItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, EmailAddressItem::meta, EmailAddressItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(EmailAddressItem::id).setter(EmailAddressItem.Builder::id))
          .addAttribute(EntityType.class, a -> a.name("owner_type").getter(EmailAddressItem::entityType)
              .setter(EmailAddressItem.Builder::entityType).attributeConverter(ChoiceConverter.of(EntityType.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(EmailAddressItem::entityId)
              .setter(EmailAddressItem.Builder::entityId))
          .addAttribute(EmailType.class, a -> a.name("email_type").getter(EmailAddressItem::emailType)
              .setter(EmailAddressItem.Builder::emailType).attributeConverter(ChoiceConverter.of(EmailType.class)))
          .addAttribute(String.class, a -> a.name("label").getter(EmailAddressItem::label)
              .setter(EmailAddressItem.Builder::label))
          .addAttribute(String.class, a -> a.name("email").getter(EmailAddressItem::email)
              .setter(EmailAddressItem.Builder::email))
          .addAttribute(Boolean.class, a -> a.name("is_default").getter(EmailAddressItem::isDefault)
              .setter(EmailAddressItem.Builder::isDefault))
          .addAttribute(Boolean.class, a -> a.name("is_verified").getter(EmailAddressItem::isVerified)
              .setter(EmailAddressItem.Builder::isVerified))
          .build();
}

package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import com.coditect.shared.tenancy.UserStatus;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A user of a tenant. Key {@code PK=T#<tenant>#USER#<id>, SK=USER}; GSI1 lists the tenant's users
 * (deleted ones under a sibling collection), GSI2 lists them by status. Email is unique per tenant
 * through a {@code USER_EMAIL} sentinel.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractUserItem implements StoredItem<UserItem> {

  public static final String ENTITY = "USER";

  public abstract String id();

  public abstract String email();

  public abstract String name();

  public abstract String role();

  public abstract UserStatus status();

  /**
   * A copy of the E.164 number of the user's default {@code work} phone ({@code /v1/phone-numbers}):
   * set by the contacts function, in the transaction that changes that phone, with an update of
   * this item at a new version (tenancy routes replace the item at the version they read, keeping
   * this value). Read here, never written by a tenancy route.
   */
  public abstract @Nullable String phoneNumber();

  public abstract @Nullable String avatarUrl();

  public abstract @Nullable String timezone();

  public abstract @Nullable String language();

  /** Null until the user first sets a preference (an empty map would be written as {@code M={}}). */
  public abstract @Nullable Map<String, Boolean> notificationPreferences();

  public static final TableSchema<UserItem> SCHEMA =
      StaticImmutableTableSchema.builder(UserItem.class, UserItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(UserItem::builder, UserItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, UserItem::meta, UserItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(UserItem::id).setter(UserItem.Builder::id))
          .addAttribute(String.class, a -> a.name("email").getter(UserItem::email).setter(UserItem.Builder::email))
          .addAttribute(String.class, a -> a.name("name").getter(UserItem::name).setter(UserItem.Builder::name))
          .addAttribute(String.class, a -> a.name("role").getter(UserItem::role).setter(UserItem.Builder::role))
          .addAttribute(UserStatus.class, a -> a.name("status").getter(UserItem::status)
              .setter(UserItem.Builder::status).attributeConverter(ChoiceConverter.of(UserStatus.class)))
          .addAttribute(String.class, a -> a.name("phone_number").getter(UserItem::phoneNumber)
              .setter(UserItem.Builder::phoneNumber))
          .addAttribute(String.class, a -> a.name("avatar_url").getter(UserItem::avatarUrl)
              .setter(UserItem.Builder::avatarUrl))
          .addAttribute(String.class, a -> a.name("timezone").getter(UserItem::timezone)
              .setter(UserItem.Builder::timezone))
          .addAttribute(String.class, a -> a.name("language").getter(UserItem::language)
              .setter(UserItem.Builder::language))
          .addAttribute(EnhancedType.mapOf(String.class, Boolean.class), a -> a.name("notification_preferences")
              .getter(UserItem::notificationPreferences).setter(UserItem.Builder::notificationPreferences))
          .build();
}

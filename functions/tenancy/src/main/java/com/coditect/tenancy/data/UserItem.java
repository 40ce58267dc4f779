package com.coditect.tenancy.data;

import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.TableItem;
import com.coditect.shared.tenancy.UserStatus;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import com.coditect.shared.store.PlatformConverters;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A user of a tenant. Key {@code PK=T#<tenant>#USER#<id>, SK=USER}; GSI1 lists the tenant's users
 * (deleted ones under a sibling collection), GSI2 lists them by status. Email is unique per tenant
 * through a {@code USER_EMAIL} sentinel.
 */
public final class UserItem extends TableItem {

  public static final String ENTITY = "USER";

  public String id;
  public String email;
  public String name;
  public String role;
  public UserStatus status;
  public String phoneNumber;
  public String avatarUrl;
  public String timezone;
  public String language;
  public Map<String, Boolean> notificationPreferences;

  public static final TableSchema<UserItem> SCHEMA =
      StaticTableSchema.builder(UserItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(UserItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("email").getter(i -> i.email).setter((i, v) -> i.email = v))
          .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
          .addAttribute(String.class, a -> a.name("role").getter(i -> i.role).setter((i, v) -> i.role = v))
          .addAttribute(UserStatus.class, a -> a.name("status").getter(i -> i.status).setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(UserStatus.class)))
          .addAttribute(String.class, a -> a.name("phone_number").getter(i -> i.phoneNumber).setter((i, v) -> i.phoneNumber = v))
          .addAttribute(String.class, a -> a.name("avatar_url").getter(i -> i.avatarUrl).setter((i, v) -> i.avatarUrl = v))
          .addAttribute(String.class, a -> a.name("timezone").getter(i -> i.timezone).setter((i, v) -> i.timezone = v))
          .addAttribute(String.class, a -> a.name("language").getter(i -> i.language).setter((i, v) -> i.language = v))
          .addAttribute(EnhancedType.mapOf(String.class, Boolean.class), a -> a.name("notification_preferences")
              .getter(i -> i.notificationPreferences).setter((i, v) -> i.notificationPreferences = v))
          .build();
}

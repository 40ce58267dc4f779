package com.coditect.shared.store;

import com.coditect.shared.tenancy.TenantId;
import java.util.Locale;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A uniqueness sentinel: written with {@code attribute_not_exists} in the same transaction as the
 * entity that claims the value, so two writers can never both hold it.
 *
 * <pre>
 * PK                                       SK       serves
 * T#&lt;tenant&gt;#UNIQUE#&lt;kind&gt;#&lt;value&gt;         UNIQUE   "is this value taken in this tenant?"
 * PLATFORM#UNIQUE#&lt;kind&gt;#&lt;value&gt;            UNIQUE   "is this value taken on the platform?"
 * </pre>
 */
public final class UniqueItem extends TableItem {

  public static final String ENTITY = "UNIQUE";

  /** The id of the entity holding the value. */
  public String ownerId;

  public static final TableSchema<UniqueItem> SCHEMA =
      StaticTableSchema.builder(UniqueItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(UniqueItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("owner_id").getter(i -> i.ownerId)
              .setter((i, v) -> i.ownerId = v))
          .build();

  /** The sentinel for {@code value} of {@code kind} (values compare case-insensitively). */
  public static Key key(TenantId tenant, String kind, String value) {
    return Key.builder()
        .partitionValue(Keys.tenant(tenant).with("UNIQUE", kind).with(normalise(value)).build())
        .sortValue(ENTITY)
        .build();
  }

  /** The sentinel for a value unique across all tenants (e.g. a tenant slug). */
  public static Key platformKey(String kind, String value) {
    return Key.builder()
        .partitionValue(Keys.platform().with("UNIQUE", kind).with(normalise(value)).build())
        .sortValue(ENTITY)
        .build();
  }

  static UniqueItem of(TenantId tenant, String kind, String value, String ownerId) {
    return item(key(tenant, kind, value), ownerId);
  }

  static UniqueItem ofPlatform(String kind, String value, String ownerId) {
    return item(platformKey(kind, value), ownerId);
  }

  private static UniqueItem item(Key key, String ownerId) {
    UniqueItem item = new UniqueItem();
    item.pk = key.partitionKeyValue().s();
    item.sk = ENTITY;
    item.entityType = ENTITY;
    item.ownerId = ownerId;
    return item;
  }

  // Lower-cased and with '#' escaped so any user-typed value is one key segment.
  private static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replace("%", "%25").replace("#", "%23");
  }
}

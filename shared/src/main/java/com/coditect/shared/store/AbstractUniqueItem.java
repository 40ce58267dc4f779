package com.coditect.shared.store;

import com.coditect.shared.tenancy.TenantId;
import java.util.Locale;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractUniqueItem implements StoredItem<UniqueItem> {

  public static final String ENTITY = "UNIQUE";

  /** The id of the entity holding the value. */
  public abstract String ownerId();

  public static final TableSchema<UniqueItem> SCHEMA =
      StaticImmutableTableSchema.builder(UniqueItem.class, UniqueItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(UniqueItem::builder, UniqueItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, UniqueItem::meta, UniqueItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("owner_id").getter(UniqueItem::ownerId)
              .setter(UniqueItem.Builder::ownerId))
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
    return UniqueItem.builder().meta(ItemMeta.at(key, ENTITY)).ownerId(ownerId).build();
  }

  // Lower-cased and with '#' escaped so any user-typed value is one key segment.
  private static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replace("%", "%25").replace("#", "%23");
  }
}

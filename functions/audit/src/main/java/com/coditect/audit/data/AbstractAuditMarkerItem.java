package com.coditect.audit.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The two bookkeeping items of the ingest: the tenant's chain head ({@code seq} and
 * {@code chain_hash} of the newest entry, and that entry's {@code ttl} as {@code newest_entry_ttl};
 * never a {@code ttl} of its own, or DynamoDB would remove the head) and an event's sentinel
 * ({@code seq} of the entry the event became). Both are written with a conditional Put, so the
 * ingest's role needs no UpdateItem.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractAuditMarkerItem implements StoredItem<AuditMarkerItem> {

  public static final String HEAD = "AUDIT_CHAIN_HEAD";
  public static final String EVENT = "AUDIT_EVENT";

  public abstract long seq();

  /** The head's only (an event's sentinel has none). */
  public abstract @Nullable String chainHash();

  /** The head's only. */
  public abstract @Nullable Long newestEntryTtl();

  public static final TableSchema<AuditMarkerItem> SCHEMA =
      StaticImmutableTableSchema.builder(AuditMarkerItem.class, AuditMarkerItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(AuditMarkerItem::builder, AuditMarkerItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, AuditMarkerItem::meta, AuditMarkerItem.Builder::meta)
          .addAttribute(Long.class, a -> a.name("seq").getter(AuditMarkerItem::seq).setter(AuditMarkerItem.Builder::seq))
          .addAttribute(String.class, a -> a.name("chain_hash").getter(AuditMarkerItem::chainHash)
              .setter(AuditMarkerItem.Builder::chainHash))
          .addAttribute(Long.class, a -> a.name("newest_entry_ttl").getter(AuditMarkerItem::newestEntryTtl)
              .setter(AuditMarkerItem.Builder::newestEntryTtl))
          .build();

  /** The head after writing {@code entry}. */
  public static AuditMarkerItem head(Key key, AuditEntryItem entry) {
    return at(key, HEAD, entry.seq()).withChainHash(entry.hash()).withNewestEntryTtl(entry.meta().ttl());
  }

  /** The sentinel of the event that became {@code entry}. */
  public static AuditMarkerItem event(Key key, AuditEntryItem entry) {
    return at(key, EVENT, entry.seq());
  }

  private static AuditMarkerItem at(Key key, String entityType, long seq) {
    return AuditMarkerItem.builder().meta(ItemMeta.at(key, entityType)).seq(seq).build();
  }
}

package com.coditect.audit.data;

import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The two bookkeeping items of the ingest: the tenant's chain head ({@code seq} and
 * {@code chain_hash} of the newest entry, and that entry's {@code ttl} as {@code newest_entry_ttl};
 * never a {@code ttl} of its own, or DynamoDB would remove the head) and an event's sentinel
 * ({@code seq} of the entry the event became). Both are written with a conditional Put, so the
 * ingest's role needs no UpdateItem.
 */
public final class AuditMarkerItem extends TableItem {

  public static final String HEAD = "AUDIT_CHAIN_HEAD";
  public static final String EVENT = "AUDIT_EVENT";

  public Long seq;
  public String chainHash;
  public Long newestEntryTtl;

  public static final TableSchema<AuditMarkerItem> SCHEMA =
      StaticTableSchema.builder(AuditMarkerItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(AuditMarkerItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(Long.class, a -> a.name("seq").getter(i -> i.seq).setter((i, v) -> i.seq = v))
          .addAttribute(String.class, a -> a.name("chain_hash").getter(i -> i.chainHash)
              .setter((i, v) -> i.chainHash = v))
          .addAttribute(Long.class, a -> a.name("newest_entry_ttl").getter(i -> i.newestEntryTtl)
              .setter((i, v) -> i.newestEntryTtl = v))
          .build();

  /** The head after writing {@code entry}. */
  public static AuditMarkerItem head(Key key, AuditEntryItem entry) {
    AuditMarkerItem head = at(key, HEAD, entry.seq);
    head.chainHash = entry.hash;
    head.newestEntryTtl = entry.ttl;
    return head;
  }

  /** The sentinel of the event that became {@code entry}. */
  public static AuditMarkerItem event(Key key, AuditEntryItem entry) {
    return at(key, EVENT, entry.seq);
  }

  private static AuditMarkerItem at(Key key, String entityType, long seq) {
    AuditMarkerItem item = new AuditMarkerItem();
    item.pk = key.partitionKeyValue().s();
    item.sk = key.sortKeyValue().orElseThrow().s();
    item.entityType = entityType;
    item.seq = seq;
    return item;
  }
}

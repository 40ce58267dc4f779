package com.coditect.audit.data;

import com.coditect.audit.model.Severity;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One audit log entry (spec Domain 4.1), and each of its list rows (the same attributes under
 * another key). {@code prev_hash} and {@code hash} chain it to the tenant's previous entry, and
 * {@code prev_ttl} names that entry's expiry; the raw ip and user agent sit beside their
 * pseudonyms, which are what the chain covers.
 */
public final class AuditEntryItem extends TableItem {

  public String id;
  public Long seq;
  public String eventId;
  public String userId;
  public String action;
  public String resourceType;
  public String resourceId;
  public String ipAddress;
  public String userAgent;
  public String ipPseudonym;
  public String userAgentPseudonym;
  public String requestMethod;
  public String requestPath;
  /** JSON text: the event's field changes, {field: {old, new}}. */
  public String changes;
  /** JSON text: the event's source and anything else it carried. */
  public String metadata;
  public Severity severity;
  public String prevHash;
  public String hash;
  /**
   * The previous entry's {@code ttl} (null for seq 1). Chained with the entry's own {@code ttl}, so
   * the first retained entry proves when the entries before it were allowed to expire.
   */
  public Long prevTtl;

  public static final TableSchema<AuditEntryItem> SCHEMA =
      StaticTableSchema.builder(AuditEntryItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(AuditEntryItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(Long.class, a -> a.name("seq").getter(i -> i.seq).setter((i, v) -> i.seq = v))
          .addAttribute(String.class, a -> a.name("event_id").getter(i -> i.eventId).setter((i, v) -> i.eventId = v))
          .addAttribute(String.class, a -> a.name("user_id").getter(i -> i.userId).setter((i, v) -> i.userId = v))
          .addAttribute(String.class, a -> a.name("action").getter(i -> i.action).setter((i, v) -> i.action = v))
          .addAttribute(String.class, a -> a.name("resource_type").getter(i -> i.resourceType)
              .setter((i, v) -> i.resourceType = v))
          .addAttribute(String.class, a -> a.name("resource_id").getter(i -> i.resourceId)
              .setter((i, v) -> i.resourceId = v))
          .addAttribute(String.class, a -> a.name("ip_address").getter(i -> i.ipAddress).setter((i, v) -> i.ipAddress = v))
          .addAttribute(String.class, a -> a.name("user_agent").getter(i -> i.userAgent).setter((i, v) -> i.userAgent = v))
          .addAttribute(String.class, a -> a.name("ip_pseudonym").getter(i -> i.ipPseudonym)
              .setter((i, v) -> i.ipPseudonym = v))
          .addAttribute(String.class, a -> a.name("user_agent_pseudonym").getter(i -> i.userAgentPseudonym)
              .setter((i, v) -> i.userAgentPseudonym = v))
          .addAttribute(String.class, a -> a.name("request_method").getter(i -> i.requestMethod)
              .setter((i, v) -> i.requestMethod = v))
          .addAttribute(String.class, a -> a.name("request_path").getter(i -> i.requestPath)
              .setter((i, v) -> i.requestPath = v))
          .addAttribute(String.class, a -> a.name("changes").getter(i -> i.changes).setter((i, v) -> i.changes = v))
          .addAttribute(String.class, a -> a.name("metadata").getter(i -> i.metadata).setter((i, v) -> i.metadata = v))
          .addAttribute(Severity.class, a -> a.name("severity").getter(i -> i.severity).setter((i, v) -> i.severity = v)
              .attributeConverter(ChoiceConverter.of(Severity.class)))
          .addAttribute(String.class, a -> a.name("prev_hash").getter(i -> i.prevHash).setter((i, v) -> i.prevHash = v))
          .addAttribute(String.class, a -> a.name("hash").getter(i -> i.hash).setter((i, v) -> i.hash = v))
          .addAttribute(Long.class, a -> a.name("prev_ttl").getter(i -> i.prevTtl).setter((i, v) -> i.prevTtl = v))
          .build();

  /** A copy of this entry under another key, as a list row. */
  public AuditEntryItem rowAt(String partition, String sort) {
    AuditEntryItem row = SCHEMA.mapToItem(SCHEMA.itemToMap(this, true));
    row.pk = partition;
    row.sk = sort;
    row.entityType = AuditKeys.ROW;
    // Only the entry itself is on the by-time index; a row there would list it twice.
    row.gsi1pk = null;
    row.gsi1sk = null;
    return row;
  }
}

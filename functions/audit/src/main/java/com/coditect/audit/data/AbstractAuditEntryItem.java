package com.coditect.audit.data;

import com.coditect.audit.model.Severity;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One audit log entry (spec Domain 4.1), and each of its list rows (the same attributes under
 * another key). {@code prev_hash} and {@code hash} chain it to the tenant's previous entry, and
 * {@code prev_ttl} names that entry's expiry; the raw ip and user agent sit beside their
 * pseudonyms, which are what the chain covers.
 *
 * <p>The ingest writes every chained attribute, but only {@code seq} is required here: entries are
 * evidence that verification reads back, and an attribute someone removed from the table must
 * read as a broken link, not fail the read.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractAuditEntryItem implements StoredItem<AuditEntryItem> {

  public abstract @Nullable String id();

  public abstract long seq();

  public abstract @Nullable String eventId();

  public abstract @Nullable String userId();

  public abstract @Nullable String action();

  public abstract @Nullable String resourceType();

  public abstract @Nullable String resourceId();

  public abstract @Nullable String ipAddress();

  public abstract @Nullable String userAgent();

  public abstract @Nullable String ipPseudonym();

  public abstract @Nullable String userAgentPseudonym();

  public abstract @Nullable String requestMethod();

  public abstract @Nullable String requestPath();

  /** JSON text: the event's field changes, {field: {old, new}}. */
  public abstract @Nullable String changes();

  /** JSON text: the event's source and anything else it carried. */
  public abstract @Nullable String metadata();

  public abstract @Nullable Severity severity();

  public abstract @Nullable String prevHash();

  public abstract @Nullable String hash();

  /**
   * The previous entry's {@code ttl} (null for seq 1). Chained with the entry's own {@code ttl}, so
   * the first retained entry proves when the entries before it were allowed to expire.
   */
  public abstract @Nullable Long prevTtl();

  public static final TableSchema<AuditEntryItem> SCHEMA =
      StaticImmutableTableSchema.builder(AuditEntryItem.class, AuditEntryItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(AuditEntryItem::builder, AuditEntryItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, AuditEntryItem::meta, AuditEntryItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(AuditEntryItem::id).setter(AuditEntryItem.Builder::id))
          .addAttribute(Long.class, a -> a.name("seq").getter(AuditEntryItem::seq).setter(AuditEntryItem.Builder::seq))
          .addAttribute(String.class, a -> a.name("event_id").getter(AuditEntryItem::eventId)
              .setter(AuditEntryItem.Builder::eventId))
          .addAttribute(String.class, a -> a.name("user_id").getter(AuditEntryItem::userId)
              .setter(AuditEntryItem.Builder::userId))
          .addAttribute(String.class, a -> a.name("action").getter(AuditEntryItem::action)
              .setter(AuditEntryItem.Builder::action))
          .addAttribute(String.class, a -> a.name("resource_type").getter(AuditEntryItem::resourceType)
              .setter(AuditEntryItem.Builder::resourceType))
          .addAttribute(String.class, a -> a.name("resource_id").getter(AuditEntryItem::resourceId)
              .setter(AuditEntryItem.Builder::resourceId))
          .addAttribute(String.class, a -> a.name("ip_address").getter(AuditEntryItem::ipAddress)
              .setter(AuditEntryItem.Builder::ipAddress))
          .addAttribute(String.class, a -> a.name("user_agent").getter(AuditEntryItem::userAgent)
              .setter(AuditEntryItem.Builder::userAgent))
          .addAttribute(String.class, a -> a.name("ip_pseudonym").getter(AuditEntryItem::ipPseudonym)
              .setter(AuditEntryItem.Builder::ipPseudonym))
          .addAttribute(String.class, a -> a.name("user_agent_pseudonym").getter(AuditEntryItem::userAgentPseudonym)
              .setter(AuditEntryItem.Builder::userAgentPseudonym))
          .addAttribute(String.class, a -> a.name("request_method").getter(AuditEntryItem::requestMethod)
              .setter(AuditEntryItem.Builder::requestMethod))
          .addAttribute(String.class, a -> a.name("request_path").getter(AuditEntryItem::requestPath)
              .setter(AuditEntryItem.Builder::requestPath))
          .addAttribute(String.class, a -> a.name("changes").getter(AuditEntryItem::changes)
              .setter(AuditEntryItem.Builder::changes))
          .addAttribute(String.class, a -> a.name("metadata").getter(AuditEntryItem::metadata)
              .setter(AuditEntryItem.Builder::metadata))
          .addAttribute(Severity.class, a -> a.name("severity").getter(AuditEntryItem::severity)
              .setter(AuditEntryItem.Builder::severity).attributeConverter(ChoiceConverter.of(Severity.class)))
          .addAttribute(String.class, a -> a.name("prev_hash").getter(AuditEntryItem::prevHash)
              .setter(AuditEntryItem.Builder::prevHash))
          .addAttribute(String.class, a -> a.name("hash").getter(AuditEntryItem::hash)
              .setter(AuditEntryItem.Builder::hash))
          .addAttribute(Long.class, a -> a.name("prev_ttl").getter(AuditEntryItem::prevTtl)
              .setter(AuditEntryItem.Builder::prevTtl))
          .build();

  /** A copy of this entry under another key, as a list row. */
  public AuditEntryItem rowAt(String partition, String sort) {
    // Only the entry itself is on the by-time index; a row there would list it twice.
    return withMeta(meta().withPk(partition).withSk(sort).withEntityType(AuditKeys.ROW).withGsi1pk(null)
        .withGsi1sk(null));
  }
}

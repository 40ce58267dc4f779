package com.coditect.shared.store;

import com.coditect.shared.events.DomainEvent;
import com.coditect.shared.tenancy.TenantId;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * An event waiting for the stream publisher, written in the same transaction as its change
 * ({@link OutboxRepository}). The table's stream carries it to the bus; its short ttl then removes it.
 *
 * <pre>
 * PK                               SK       entity_type   attributes
 * T#&lt;tenant&gt;#OUTBOX#&lt;event_id&gt;    OUTBOX   OUTBOX        source, detail_type, detail (JSON), ttl
 * </pre>
 */
@Value.Immutable
@ItemStyle
abstract class AbstractOutboxItem implements StoredItem<OutboxItem> {

  public static final String ENTITY = "OUTBOX";
  /** Kept a day: long enough to debug, short enough to cost nothing. */
  static final long TTL_SECONDS = 24 * 60 * 60;

  public abstract String eventId();

  public abstract String source();

  public abstract String detailType();

  public abstract String detail();

  public static final TableSchema<OutboxItem> SCHEMA =
      StaticImmutableTableSchema.builder(OutboxItem.class, OutboxItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(OutboxItem::builder, OutboxItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, OutboxItem::meta, OutboxItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("event_id").getter(OutboxItem::eventId)
              .setter(OutboxItem.Builder::eventId))
          .addAttribute(String.class, a -> a.name("source").getter(OutboxItem::source)
              .setter(OutboxItem.Builder::source))
          .addAttribute(String.class, a -> a.name("detail_type").getter(OutboxItem::detailType)
              .setter(OutboxItem.Builder::detailType))
          .addAttribute(String.class, a -> a.name("detail").getter(OutboxItem::detail)
              .setter(OutboxItem.Builder::detail))
          .build();

  static OutboxItem of(TenantId tenant, DomainEvent event, String detailJson, long nowEpochSeconds) {
    Key key = Key.builder().partitionValue(Keys.tenant(tenant).with(ENTITY, event.eventId()).build())
        .sortValue(ENTITY).build();
    return OutboxItem.builder()
        .meta(ItemMeta.at(key, ENTITY).withCreatedAt(event.occurredAt()).withTtl(nowEpochSeconds + TTL_SECONDS))
        .eventId(event.eventId())
        .source(event.source())
        .detailType(event.action())
        .detail(detailJson)
        .build();
  }
}

package com.coditect.shared.store;

import com.coditect.shared.events.DomainEvent;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An event waiting for the stream publisher, written in the same transaction as its change
 * ({@link OutboxRepository}). The table's stream carries it to the bus; its short ttl then removes it.
 *
 * <pre>
 * PK                               SK       entity_type   attributes
 * T#&lt;tenant&gt;#OUTBOX#&lt;event_id&gt;    OUTBOX   OUTBOX        source, detail_type, detail (JSON), ttl
 * </pre>
 */
public final class OutboxItem extends TableItem {

  public static final String ENTITY = "OUTBOX";
  /** Kept a day: long enough to debug, short enough to cost nothing. */
  static final long TTL_SECONDS = 24 * 60 * 60;

  public String eventId;
  public String source;
  public String detailType;
  public String detail;

  public static final TableSchema<OutboxItem> SCHEMA =
      StaticTableSchema.builder(OutboxItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(OutboxItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("event_id").getter(i -> i.eventId).setter((i, v) -> i.eventId = v))
          .addAttribute(String.class, a -> a.name("source").getter(i -> i.source).setter((i, v) -> i.source = v))
          .addAttribute(String.class, a -> a.name("detail_type").getter(i -> i.detailType).setter((i, v) -> i.detailType = v))
          .addAttribute(String.class, a -> a.name("detail").getter(i -> i.detail).setter((i, v) -> i.detail = v))
          .build();

  static OutboxItem of(TenantId tenant, DomainEvent event, String detailJson, long nowEpochSeconds) {
    OutboxItem item = new OutboxItem();
    item.pk = Keys.tenant(tenant).with(ENTITY, event.eventId()).build();
    item.sk = ENTITY;
    item.entityType = ENTITY;
    item.eventId = event.eventId();
    item.source = event.source();
    item.detailType = event.action();
    item.detail = detailJson;
    item.createdAt = event.occurredAt();
    item.ttl = nowEpochSeconds + TTL_SECONDS;
    return item;
  }
}

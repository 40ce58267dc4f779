package com.coditect.shared.store;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The first response to a creating POST sent with an {@code Idempotency-Key}, written in the
 * create's own transaction and kept for a day ({@link IdempotencyRecordRepository}).
 *
 * <pre>
 * PK                                                 SK           serves
 * T#&lt;tenant&gt;#IDEMPOTENCY#&lt;sha256(user, key)&gt;      IDEMPOTENCY  replay of a retried create
 * PLATFORM#IDEMPOTENCY#&lt;sha256(user, key)&gt;          IDEMPOTENCY  the same for platform-admin routes
 * </pre>
 */
public final class IdempotencyItem extends TableItem {

  public static final String ENTITY = "IDEMPOTENCY";

  public String requestHash;
  public Integer statusCode;
  public String location;
  public String etag;
  public String body;

  public static final TableSchema<IdempotencyItem> SCHEMA =
      StaticTableSchema.builder(IdempotencyItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(IdempotencyItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("request_hash").getter(i -> i.requestHash).setter((i, v) -> i.requestHash = v))
          .addAttribute(Integer.class, a -> a.name("status_code").getter(i -> i.statusCode).setter((i, v) -> i.statusCode = v))
          .addAttribute(String.class, a -> a.name("location").getter(i -> i.location).setter((i, v) -> i.location = v))
          .addAttribute(String.class, a -> a.name("etag").getter(i -> i.etag).setter((i, v) -> i.etag = v))
          .addAttribute(String.class, a -> a.name("body").getter(i -> i.body).setter((i, v) -> i.body = v))
          .build();

  /**
   * A record at {@code key} of the request whose hash is {@code requestHash}, first seen at
   * {@code createdAt} and kept until {@code ttl} (epoch seconds); the response is filled in by the
   * create that claims it.
   */
  public static IdempotencyItem of(Key key, String requestHash, String createdAt, long ttl) {
    IdempotencyItem item = new IdempotencyItem();
    item.pk = key.partitionKeyValue().s();
    item.sk = key.sortKeyValue().orElseThrow().s();
    item.entityType = ENTITY;
    item.requestHash = requestHash;
    item.createdAt = createdAt;
    item.ttl = ttl;
    return item;
  }
}

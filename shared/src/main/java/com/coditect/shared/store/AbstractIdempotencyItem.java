package com.coditect.shared.store;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

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
@Value.Immutable
@ItemStyle
abstract class AbstractIdempotencyItem implements StoredItem<IdempotencyItem> {

  public static final String ENTITY = "IDEMPOTENCY";

  public abstract String requestHash();

  /** The response, filled in by the create that claims the record ({@link #answered}). */
  public abstract @Nullable Integer statusCode();

  public abstract @Nullable String location();

  public abstract @Nullable String etag();

  public abstract @Nullable String body();

  public static final TableSchema<IdempotencyItem> SCHEMA =
      StaticImmutableTableSchema.builder(IdempotencyItem.class, IdempotencyItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(IdempotencyItem::builder, IdempotencyItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, IdempotencyItem::meta, IdempotencyItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("request_hash").getter(IdempotencyItem::requestHash)
              .setter(IdempotencyItem.Builder::requestHash))
          .addAttribute(Integer.class, a -> a.name("status_code").getter(IdempotencyItem::statusCode)
              .setter(IdempotencyItem.Builder::statusCode))
          .addAttribute(String.class, a -> a.name("location").getter(IdempotencyItem::location)
              .setter(IdempotencyItem.Builder::location))
          .addAttribute(String.class, a -> a.name("etag").getter(IdempotencyItem::etag)
              .setter(IdempotencyItem.Builder::etag))
          .addAttribute(String.class, a -> a.name("body").getter(IdempotencyItem::body)
              .setter(IdempotencyItem.Builder::body))
          .build();

  /**
   * A record at {@code key} of the request whose hash is {@code requestHash}, first seen at
   * {@code createdAt} and kept until {@code ttl} (epoch seconds); the response is filled in by the
   * create that claims it.
   */
  public static IdempotencyItem of(Key key, String requestHash, String createdAt, long ttl) {
    return IdempotencyItem.builder()
        .meta(ItemMeta.at(key, ENTITY).withCreatedAt(createdAt).withTtl(ttl))
        .requestHash(requestHash)
        .build();
  }

  /** This record with the response of the create that claimed it. */
  public IdempotencyItem answered(int statusCode, String location, String etag, String body) {
    return IdempotencyItem.builder().from(this).statusCode(statusCode).location(location).etag(etag).body(body)
        .build();
  }
}

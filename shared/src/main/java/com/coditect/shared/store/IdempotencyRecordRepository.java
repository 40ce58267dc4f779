package com.coditect.shared.store;

import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The records of {@code Idempotency-Key}s ({@link IdempotencyItem}): read once, written in the create's transaction. */
@Singleton
public final class IdempotencyRecordRepository extends ItemRepository<IdempotencyItem> {

  @Inject
  public IdempotencyRecordRepository(SingleTable table) {
    super(table, IdempotencyItem.SCHEMA);
  }

  /**
   * The key of the record named {@code digest} (a digest of the caller and the key they sent): in
   * the tenant's key space, or the platform's for a caller without a tenant (a platform admin).
   */
  public static Key key(TenantId tenant, String digest) {
    Keys start = tenant == null ? Keys.platform() : Keys.tenant(tenant);
    return Key.builder().partitionValue(start.with(IdempotencyItem.ENTITY, digest).build())
        .sortValue(IdempotencyItem.ENTITY).build();
  }

  /** The record at {@code key} as stored, expired or not; null if there is none: one {@code GetItem}. */
  public IdempotencyItem find(Key key) {
    return table.getItem(key);
  }

  /** A record as a create read it with its own {@code BatchGetItem} (null: none). */
  public static IdempotencyItem fromRead(Map<String, AttributeValue> stored) {
    return stored == null ? null : IdempotencyItem.SCHEMA.mapToItem(stored);
  }

  /**
   * Adds {@code record} to {@code tx} unless a live record holds its key; the transaction then
   * fails with {@code onHeld}. A record past its ttl at {@code nowEpochSeconds} is gone for the
   * API (DynamoDB deletes it late), so it does not hold the key.
   */
  public void putUnlessHeld(WriteTransaction tx, IdempotencyItem record, long nowEpochSeconds,
      Supplier<? extends RuntimeException> onHeld) {
    Expression unheld = Expression.builder()
        .expression("attribute_not_exists(PK) OR #ttl <= :now")
        .putExpressionName("#ttl", "ttl")
        .putExpressionValue(":now", AttributeValue.fromN(Long.toString(nowEpochSeconds)))
        .build();
    tx.include(table, record, unheld, onHeld);
  }
}

package com.coditect.shared.http;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The right to record a create's response under an {@code Idempotency-Key}. A create service calls
 * {@link #attach} before committing, so the response is stored if and only if the create commits.
 */
public final class IdempotencyClaim {

  private static final IdempotencyClaim NONE = new IdempotencyClaim(null, null, 0, 0);

  private final SingleTable table;
  private final IdempotencyItem template;
  private final long now;
  private final long ttl;

  /** A claim made at {@code now} (epoch seconds) for a record kept until {@code ttl}. */
  IdempotencyClaim(SingleTable table, IdempotencyItem template, long now, long ttl) {
    this.table = table;
    this.template = template;
    this.now = now;
    this.ttl = ttl;
  }

  /** For creates sent without a key, and for internal callers. */
  public static IdempotencyClaim none() {
    return NONE;
  }

  /** Adds the record of {@code created}'s response to the create's transaction. */
  public void attach(WriteTransaction tx, Created<?> created) {
    if (template == null) {
      return;
    }
    IdempotencyItem item = new IdempotencyItem();
    item.pk = template.pk;
    item.sk = template.sk;
    item.entityType = IdempotencyItem.ENTITY;
    item.requestHash = template.requestHash;
    item.createdAt = template.createdAt;
    item.ttl = ttl;
    item.statusCode = created.status();
    item.location = created.location();
    item.etag = ApiResponse.etag(created.version());
    item.body = JsonText.write(created.body());
    // A record past its ttl is gone for the API (DynamoDB deletes it late), so it does not hold
    // the key; a live one means a concurrent request with the key got there first: its response
    // will be replayable.
    Expression unclaimed = Expression.builder()
        .expression("attribute_not_exists(PK) OR #ttl <= :now")
        .putExpressionName("#ttl", "ttl")
        .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now)))
        .build();
    tx.include(table.view(IdempotencyItem.SCHEMA), item, unclaimed, () -> new ConflictException(
        "A request with this Idempotency-Key was processed concurrently; retry to receive its response."));
  }
}

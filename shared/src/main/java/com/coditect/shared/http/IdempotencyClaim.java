package com.coditect.shared.http;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;

/**
 * The right to record a create's response under an {@code Idempotency-Key}. A create service calls
 * {@link #attach} before committing, so the response is stored if and only if the create commits.
 */
public final class IdempotencyClaim {

  private static final IdempotencyClaim NONE = new IdempotencyClaim(null, null, null);
  private static final Expression UNCLAIMED =
      Expression.builder().expression("attribute_not_exists(PK)").build();

  private final SingleTable table;
  private final IdempotencyItem template;
  private final Long ttl;

  IdempotencyClaim(SingleTable table, IdempotencyItem template, Long ttl) {
    this.table = table;
    this.template = template;
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
    // A concurrent request with the same key got there first: its response will be replayable.
    tx.include(table.view(IdempotencyItem.SCHEMA), item, UNCLAIMED, () -> new ConflictException(
        "A request with this Idempotency-Key was processed concurrently; retry to receive its response."));
  }
}

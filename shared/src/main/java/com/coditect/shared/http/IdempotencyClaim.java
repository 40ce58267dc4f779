package com.coditect.shared.http;

import com.coditect.shared.digest.Sha256;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.WriteTransaction;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The right to record a create's response under an {@code Idempotency-Key}. A create service calls
 * {@link #attach} before committing, so the response is stored if and only if the create commits.
 */
public final class IdempotencyClaim {

  private static final IdempotencyClaim NONE = new IdempotencyClaim(null, null, null, null, 0, 0);

  private final IdempotencyRecordRepository records;
  private final Key key;
  private final String requestHash;
  private final String createdAt;
  private final long now;
  private final long ttl;

  /**
   * A claim of the record at {@code key} for the request {@code requestHash}, made at {@code now}
   * (epoch seconds; {@code createdAt} as a timestamp) for a record kept until {@code ttl}.
   */
  IdempotencyClaim(IdempotencyRecordRepository records, Key key, String requestHash, String createdAt, long now,
      long ttl) {
    this.records = records;
    this.key = key;
    this.requestHash = requestHash;
    this.createdAt = createdAt;
    this.now = now;
    this.ttl = ttl;
  }

  /** For creates sent without a key, and for internal callers. */
  public static IdempotencyClaim none() {
    return NONE;
  }

  /**
   * A key for an outside service's own idempotency (Stripe's {@code Idempotency-Key}), derived from
   * this request's key and body: a retry of the request sends the outside call the same key, so it
   * is done once. Empty when the request has no key (the caller then derives one from its own ids).
   */
  public Optional<String> derivedKey(String purpose) {
    if (key == null) {
      return Optional.empty();
    }
    return Optional.of(purpose + ":" + Sha256.hex(key.partitionKeyValue().s() + "\n" + requestHash));
  }

  /** Adds the record of {@code created}'s response to the create's transaction. */
  public void attach(WriteTransaction tx, Created<?> created) {
    if (key == null) {
      return;
    }
    IdempotencyItem item = IdempotencyItem.of(key, requestHash, createdAt, ttl).answered(created.status(),
        created.location(), ApiResponse.etag(created.version()), JsonText.write(created.body()));
    // A live record means a concurrent request with the key got there first: its response will be
    // replayable.
    records.putUnlessHeld(tx, item, now, () -> new ConflictException(
        "A request with this Idempotency-Key was processed concurrently; retry to receive its response."));
  }
}

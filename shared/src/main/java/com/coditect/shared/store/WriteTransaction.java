package com.coditect.shared.store;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One write = one {@code TransactWriteItems} (a lone put: one {@code PutItem}): the entity, its
 * uniqueness sentinels, checks on the references it names, and its outbox event. Each conditional
 * part says which error its failed condition means, so a cancelled transaction becomes the right
 * 404/409/412/422 and nothing is half-written.
 *
 * <p>Items are mapped by their schemas, but the request is the plain client's: the enhanced
 * client's transactions cannot carry an update expression ({@code ADD} to a counter).
 */
public final class WriteTransaction {

  /** DynamoDB's limit of parts per transaction. */
  public static final int MAX_PARTS = 100;

  private static final Expression NOT_EXISTS =
      Expression.builder().expression("attribute_not_exists(PK)").build();
  private static final Expression EXISTS =
      Expression.builder().expression("attribute_exists(PK)").build();
  private static final Expression LIVE =
      Expression.builder().expression("attribute_exists(PK) AND attribute_not_exists(deleted_at)").build();

  private final SingleTable table;
  private final List<TransactWriteItem> parts = new ArrayList<>();
  /** For each part, in order: the error its failed condition means (null: unconditional). */
  private final List<Supplier<? extends RuntimeException>> onConditionFailed = new ArrayList<>();

  WriteTransaction(SingleTable table) {
    this.table = table;
  }

  /** Puts a new item; fails with {@code onExists} if its key is already taken. */
  public <T extends StoredItem<T>> WriteTransaction create(DynamoDbTable<T> view, T item, Supplier<? extends RuntimeException> onExists) {
    return addPut(view, item, NOT_EXISTS, onExists);
  }

  /**
   * Replaces an item read at {@code readVersion}; {@code item.version()} must already be the next
   * version. Fails with {@code onStale} if someone else wrote it since.
   */
  public <T extends StoredItem<T>> WriteTransaction replace(
      DynamoDbTable<T> view, T item, long readVersion, Supplier<? extends RuntimeException> onStale) {
    return addPut(view, item, sameVersion(readVersion), onStale);
  }

  /** Puts an item unconditionally (an activity row, an append-only record, a list row). */
  public <T extends StoredItem<T>> WriteTransaction put(DynamoDbTable<T> view, T item) {
    return addPut(view, item, null, null);
  }

  /** Deletes an item if it exists (used for items that are truly removed, like memberships). */
  public <T extends StoredItem<T>> WriteTransaction deleteExisting(
      DynamoDbTable<T> view, Key key, Supplier<? extends RuntimeException> onMissing) {
    return addDelete(key, EXISTS, onMissing);
  }

  /** Deletes an item whether or not it exists (a list row the entity leaves). */
  public WriteTransaction delete(Key key) {
    return addDelete(key, null, null);
  }

  /** Deletes an item read at {@code readVersion}; fails with {@code onStale} if it changed since. */
  public WriteTransaction deleteVersioned(Key key, long readVersion, Supplier<? extends RuntimeException> onStale) {
    return addDelete(key, sameVersion(readVersion), onStale);
  }

  /**
   * Updates attributes of an item in place, e.g. {@code ADD task_total :one}: for counters that
   * many writers change, which a read-then-put would lose.
   *
   * @param updateExpression a DynamoDB update expression whose values are in {@code values}
   * @param condition the part's condition (null: none)
   */
  public WriteTransaction update(Key key, String updateExpression, Map<String, AttributeValue> values,
      Expression condition, Supplier<? extends RuntimeException> onConditionFailed) {
    Condition when = Condition.of(condition, values);
    return addPart(TransactWriteItem.builder().update(Update.builder().tableName(table.name()).key(keyMap(key))
        .updateExpression(updateExpression).conditionExpression(when.expression())
        .expressionAttributeNames(when.names()).expressionAttributeValues(when.values()).build()).build(),
        onConditionFailed);
  }

  /** Checks that a referenced item exists and is not soft-deleted, without writing it. */
  public WriteTransaction requireLive(Key key, Supplier<? extends RuntimeException> onMissing) {
    return require(key, LIVE, onMissing);
  }

  /** Checks any condition on an item without writing it (e.g. a sprint belongs to a project). */
  public WriteTransaction require(Key key, Expression condition, Supplier<? extends RuntimeException> onFailed) {
    Condition when = Condition.of(condition, Map.of());
    return addPart(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table.name())
        .key(keyMap(key)).conditionExpression(when.expression()).expressionAttributeNames(when.names())
        .expressionAttributeValues(when.values()).build()).build(), onFailed);
  }

  /** Claims a unique value; a clash is a 409 naming {@code field}. */
  public WriteTransaction claimUnique(TenantId tenant, String kind, String value, String ownerId, String field) {
    return claimUnique(tenant, kind, value, ownerId, () -> inUse(field));
  }

  /** Claims a unique value whose clash means something of its own ({@code onTaken}). */
  public WriteTransaction claimUnique(TenantId tenant, String kind, String value, String ownerId,
      Supplier<? extends RuntimeException> onTaken) {
    return addPut(uniqueTable(), UniqueItem.of(tenant, kind, value, ownerId), NOT_EXISTS, onTaken);
  }

  /** Claims a value unique across the platform (a tenant slug); a clash is a 409 naming {@code field}. */
  public WriteTransaction claimPlatformUnique(String kind, String value, String ownerId, String field) {
    return addPut(uniqueTable(), UniqueItem.ofPlatform(kind, value, ownerId), NOT_EXISTS, () -> inUse(field));
  }

  /** Releases a unique value this entity held (rename, delete). */
  public WriteTransaction releaseUnique(TenantId tenant, String kind, String value) {
    return delete(UniqueItem.key(tenant, kind, value));
  }

  /**
   * Moves a unique value an entity holds to a new one (a rename): releases the old and claims the
   * new, a clash being a 409 naming {@code field}. Values that differ only in case or surrounding
   * space share one sentinel, which the entity then simply keeps.
   */
  public WriteTransaction moveUnique(TenantId tenant, String kind, String oldValue, String newValue, String ownerId,
      String field) {
    Key oldSentinel = UniqueItem.key(tenant, kind, oldValue);
    if (oldSentinel.partitionKeyValue().equals(UniqueItem.key(tenant, kind, newValue).partitionKeyValue())) {
      return this;
    }
    releaseUnique(tenant, kind, oldValue);
    return claimUnique(tenant, kind, newValue, ownerId, field);
  }

  /** Adds an item written by a collaborator (the outbox, an idempotency record). */
  public <T extends StoredItem<T>> WriteTransaction include(DynamoDbTable<T> view, T item, Expression condition,
      Supplier<? extends RuntimeException> onConditionFailed) {
    return addPut(view, item, condition, onConditionFailed);
  }

  public int size() {
    return parts.size();
  }

  /**
   * What this transaction sends, as DynamoDB's 4 MB limit on a transaction's items counts it
   * ({@link ItemSize}): each put's item in full, each other part (an update, a delete, a check) by
   * its key, since what it changes in place is not known before it runs.
   */
  public long bytes() {
    long bytes = 0;
    for (TransactWriteItem part : parts) {
      bytes += part.put() != null ? ItemSize.of(part.put().item()) : ItemSize.of(partKey(part));
    }
    return bytes;
  }

  /** The largest item this transaction puts, against DynamoDB's 400 KB item limit (0 if it puts none). */
  public long largestItemBytes() {
    return parts.stream().filter(part -> part.put() != null).mapToLong(part -> ItemSize.of(part.put().item()))
        .max().orElse(0);
  }

  private static Map<String, AttributeValue> partKey(TransactWriteItem part) {
    if (part.update() != null) {
      return part.update().key();
    }
    if (part.delete() != null) {
      return part.delete().key();
    }
    return part.conditionCheck().key();
  }

  /**
   * Commits all parts or none; a failed condition throws the error its part registered. A lone
   * put (an event with no change of its own, such as a sign-in) is sent as a plain conditional
   * {@code PutItem}: one item is atomic by itself, and a transaction would cost it twice the writes.
   */
  public void commit() {
    if (parts.size() > MAX_PARTS) {
      throw new IllegalStateException("a transaction of " + parts.size() + " parts exceeds DynamoDB's " + MAX_PARTS);
    }
    if (parts.size() == 1 && parts.get(0).put() != null) {
      commitLonePut(parts.get(0).put());
      return;
    }
    try {
      table.lowLevel().transactWriteItems(TransactWriteItemsRequest.builder().transactItems(parts).build());
    } catch (TransactionCanceledException e) {
      throw translate(e);
    }
  }

  private void commitLonePut(Put put) {
    try {
      table.lowLevel().putItem(PutItemRequest.builder().tableName(put.tableName()).item(put.item())
          .conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames())
          .expressionAttributeValues(put.expressionAttributeValues()).build());
    } catch (ConditionalCheckFailedException e) {
      Supplier<? extends RuntimeException> onFailed = onConditionFailed.get(0);
      throw onFailed == null ? e : onFailed.get();
    }
  }

  private <T> WriteTransaction addPut(DynamoDbTable<T> view, T item, Expression condition,
      Supplier<? extends RuntimeException> onFailed) {
    Condition when = Condition.of(condition, Map.of());
    return addPart(TransactWriteItem.builder().put(Put.builder().tableName(table.name())
        .item(view.tableSchema().itemToMap(item, true)).conditionExpression(when.expression())
        .expressionAttributeNames(when.names()).expressionAttributeValues(when.values()).build()).build(), onFailed);
  }

  private WriteTransaction addDelete(Key key, Expression condition, Supplier<? extends RuntimeException> onFailed) {
    Condition when = Condition.of(condition, Map.of());
    return addPart(TransactWriteItem.builder().delete(Delete.builder().tableName(table.name()).key(keyMap(key))
        .conditionExpression(when.expression()).expressionAttributeNames(when.names())
        .expressionAttributeValues(when.values()).build()).build(), onFailed);
  }

  /** Adds a built part with what its failed condition means (null: unconditional). */
  private WriteTransaction addPart(TransactWriteItem part, Supplier<? extends RuntimeException> onFailed) {
    parts.add(part);
    onConditionFailed.add(onFailed);
    return this;
  }

  /**
   * A part's condition as the plain client wants it: absent maps are null, never empty (DynamoDB
   * refuses empty ones), and an update's own values joined with the condition's.
   */
  private record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    static Condition of(Expression condition, Map<String, AttributeValue> partValues) {
      Map<String, AttributeValue> values = new HashMap<>(partValues);
      Map<String, String> names = new HashMap<>();
      if (condition != null) {
        if (condition.expressionValues() != null) {
          values.putAll(condition.expressionValues());
        }
        if (condition.expressionNames() != null) {
          names.putAll(condition.expressionNames());
        }
      }
      return new Condition(condition == null ? null : condition.expression(),
          names.isEmpty() ? null : names, values.isEmpty() ? null : values);
    }
  }

  private static Expression sameVersion(long readVersion) {
    return Expression.builder()
        .expression("version = :read_version")
        .expressionValues(Map.of(":read_version", AttributeValue.fromN(Long.toString(readVersion))))
        .build();
  }

  private static Map<String, AttributeValue> keyMap(Key key) {
    return key.keyMap(UniqueItem.SCHEMA, TableMetadata.primaryIndexName());
  }

  private static ConflictException inUse(String field) {
    return new ConflictException("The " + field + " is already in use.", List.of(new FieldError(field, "is already in use")));
  }

  private RuntimeException translate(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.cancellationReasons();
    for (int i = 0; i < reasons.size() && i < onConditionFailed.size(); i++) {
      if ("ConditionalCheckFailed".equals(reasons.get(i).code()) && onConditionFailed.get(i) != null) {
        return onConditionFailed.get(i).get();
      }
    }
    for (CancellationReason reason : reasons) {
      if ("TransactionConflict".equals(reason.code())) {
        return new ConflictException("Another change to the same resource was in progress; try again.");
      }
    }
    return e;
  }

  private DynamoDbTable<UniqueItem> uniqueTable() {
    return table.view(UniqueItem.SCHEMA);
  }
}

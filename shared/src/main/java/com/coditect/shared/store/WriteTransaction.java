package com.coditect.shared.store;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One write = one {@code TransactWriteItems}: the entity, its uniqueness sentinels, checks on the
 * references it names, and its outbox event. Each conditional part says which error its failed
 * condition means, so a cancelled transaction becomes the right 404/409/412/422 and nothing is
 * half-written.
 */
public final class WriteTransaction {

  private static final Expression NOT_EXISTS =
      Expression.builder().expression("attribute_not_exists(PK)").build();
  private static final Expression LIVE =
      Expression.builder().expression("attribute_exists(PK) AND attribute_not_exists(deleted_at)").build();

  private final SingleTable table;
  private final TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
  /** For each part, in order: the error its failed condition means (null: unconditional). */
  private final List<Supplier<? extends RuntimeException>> onConditionFailed = new ArrayList<>();

  WriteTransaction(SingleTable table) {
    this.table = table;
  }

  /** Puts a new item; fails with {@code onExists} if its key is already taken. */
  public <T extends TableItem> WriteTransaction create(DynamoDbTable<T> view, T item, Supplier<? extends RuntimeException> onExists) {
    request.addPutItem(view, TransactPutItemEnhancedRequest.builder(typeOf(view)).item(item)
        .conditionExpression(NOT_EXISTS).build());
    onConditionFailed.add(onExists);
    return this;
  }

  /**
   * Replaces an item read at {@code readVersion}; {@code item.version} must already be the next
   * version. Fails with {@code onStale} if someone else wrote it since.
   */
  public <T extends TableItem> WriteTransaction replace(
      DynamoDbTable<T> view, T item, long readVersion, Supplier<? extends RuntimeException> onStale) {
    Expression sameVersion = Expression.builder()
        .expression("version = :read_version")
        .expressionValues(Map.of(":read_version", AttributeValue.fromN(Long.toString(readVersion))))
        .build();
    request.addPutItem(view, TransactPutItemEnhancedRequest.builder(typeOf(view)).item(item)
        .conditionExpression(sameVersion).build());
    onConditionFailed.add(onStale);
    return this;
  }

  /** Puts an item unconditionally (an activity row, an append-only record). */
  public <T extends TableItem> WriteTransaction put(DynamoDbTable<T> view, T item) {
    request.addPutItem(view, TransactPutItemEnhancedRequest.builder(typeOf(view)).item(item).build());
    onConditionFailed.add(null);
    return this;
  }

  /** Deletes an item if it exists (used for items that are truly removed, like memberships). */
  public <T extends TableItem> WriteTransaction deleteExisting(
      DynamoDbTable<T> view, Key key, Supplier<? extends RuntimeException> onMissing) {
    request.addDeleteItem(view, TransactDeleteItemEnhancedRequest.builder().key(key)
        .conditionExpression(Expression.builder().expression("attribute_exists(PK)").build()).build());
    onConditionFailed.add(onMissing);
    return this;
  }

  /** Checks that a referenced item exists and is not soft-deleted, without writing it. */
  public WriteTransaction requireLive(Key key, Supplier<? extends RuntimeException> onMissing) {
    request.addConditionCheck(uniqueTable(), ConditionCheck.builder().key(key).conditionExpression(LIVE).build());
    onConditionFailed.add(onMissing);
    return this;
  }

  /** Claims a unique value; a clash is a 409 naming {@code field}. */
  public WriteTransaction claimUnique(TenantId tenant, String kind, String value, String ownerId, String field) {
    request.addPutItem(uniqueTable(), TransactPutItemEnhancedRequest.builder(UniqueItem.class)
        .item(UniqueItem.of(tenant, kind, value, ownerId)).conditionExpression(NOT_EXISTS).build());
    onConditionFailed.add(() -> new ConflictException("The " + field + " is already in use.",
        List.of(new FieldError(field, "is already in use"))));
    return this;
  }

  /** Claims a value unique across the platform (a tenant slug); a clash is a 409 naming {@code field}. */
  public WriteTransaction claimPlatformUnique(String kind, String value, String ownerId, String field) {
    request.addPutItem(uniqueTable(), TransactPutItemEnhancedRequest.builder(UniqueItem.class)
        .item(UniqueItem.ofPlatform(kind, value, ownerId)).conditionExpression(NOT_EXISTS).build());
    onConditionFailed.add(() -> new ConflictException("The " + field + " is already in use.",
        List.of(new FieldError(field, "is already in use"))));
    return this;
  }

  /** Releases a unique value this entity held (rename, delete). */
  public WriteTransaction releaseUnique(TenantId tenant, String kind, String value) {
    request.addDeleteItem(uniqueTable(), TransactDeleteItemEnhancedRequest.builder()
        .key(UniqueItem.key(tenant, kind, value)).build());
    onConditionFailed.add(null);
    return this;
  }

  /** Adds an item written by a collaborator (the outbox, an idempotency record). */
  public <T extends TableItem> WriteTransaction include(DynamoDbTable<T> view, T item, Expression condition,
      Supplier<? extends RuntimeException> onConditionFailed) {
    var put = TransactPutItemEnhancedRequest.builder(typeOf(view)).item(item);
    if (condition != null) {
      put.conditionExpression(condition);
    }
    request.addPutItem(view, put.build());
    this.onConditionFailed.add(onConditionFailed);
    return this;
  }

  public int size() {
    return onConditionFailed.size();
  }

  /** Commits all parts or none; a failed condition throws the error its part registered. */
  public void commit() {
    try {
      table.client().transactWriteItems(request.build());
    } catch (TransactionCanceledException e) {
      throw translate(e);
    }
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

  private static <T> Class<T> typeOf(DynamoDbTable<T> view) {
    return view.tableSchema().itemType().rawClass();
  }

  private DynamoDbTable<UniqueItem> uniqueTable() {
    return table.view(UniqueItem.SCHEMA);
  }
}

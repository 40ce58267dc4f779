package com.coditect.testing;

import com.coditect.shared.store.ItemSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Adds up the write units DynamoDB would charge for the writes made through the clients it is
 * registered on. Moto does not report consumed capacity reliably, so every written item is sized
 * ({@link ItemSize}) as stored before and after the write, each read back from the table with
 * {@code reader} (a client this meter is not registered on), and priced as DynamoDB prices writes:
 *
 * <ul>
 *   <li>the table: one unit per started KB of the larger of the item before and after (a put that
 *       replaces, an update, a delete), at least one;
 *   <li>each global secondary index the item is in before or after, with the part of the item the
 *       index projects: the larger of the two when the item stays under the same index key, both
 *       when the key moves (a delete and a put in the index), the one side when it enters or leaves;
 *   <li>everything twice inside {@code TransactWriteItems}, whose every write is prepared and committed.
 * </ul>
 *
 * {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code BatchWriteItem} and the writing
 * parts of {@code TransactWriteItems} are metered; a transaction's {@code ConditionCheck}s write
 * nothing and are not. A failed call is not metered. Units are also kept by the written items'
 * {@code entity_type}, and it keeps the largest item and the largest transaction (its items' larger
 * sides together) it saw, against DynamoDB's 400 KB and 4 MB limits.
 * Meant for one request at a time: writes of other threads in between would be read back too.
 */
public final class WriteUnitMeter implements ExecutionInterceptor {

  private static final ExecutionAttribute<Pending> PENDING = new ExecutionAttribute<>("WriteUnitMeter.pending");

  private final DynamoDbClient reader;
  private final Map<String, TableShape> shapes = new HashMap<>();
  private final Map<String, Long> unitsByEntity = new HashMap<>();
  private long units;
  private long largestItemBytes;
  private long largestTransactionBytes;

  public WriteUnitMeter(DynamoDbClient reader) {
    this.reader = reader;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    Pending pending = written(context.request());
    if (pending != null) {
      TableShape shape = shape(pending.table);
      for (Map<String, AttributeValue> key : pending.keys) {
        pending.before.add(read(pending.table, shape.keyOf(key)));
      }
      attributes.putAttribute(PENDING, pending);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Pending pending = attributes.getAttribute(PENDING);
    if (pending == null) {
      return;
    }
    TableShape shape = shape(pending.table);
    long callUnits = 0;
    long callBytes = 0;
    long callLargest = 0;
    Map<String, Long> callByEntity = new HashMap<>();
    for (int i = 0; i < pending.keys.size(); i++) {
      Map<String, AttributeValue> before = pending.before.get(i);
      Map<String, AttributeValue> after = read(pending.table, shape.keyOf(pending.keys.get(i)));
      long itemUnits = unitsOf(before, after, shape.indexes, pending.transactional);
      callUnits += itemUnits;
      callByEntity.merge(entityType(before, after), itemUnits, Long::sum);
      long larger = Math.max(size(before), size(after));
      callBytes += larger;
      callLargest = Math.max(callLargest, larger);
    }
    synchronized (this) {
      units += callUnits;
      callByEntity.forEach((entity, entityUnits) -> unitsByEntity.merge(entity, entityUnits, Long::sum));
      largestItemBytes = Math.max(largestItemBytes, callLargest);
      if (pending.transactional) {
        largestTransactionBytes = Math.max(largestTransactionBytes, callBytes);
      }
    }
  }

  /** The write units metered since the last {@link #reset()}. */
  public synchronized long units() {
    return units;
  }

  /**
   * The write units of items with this {@code entity_type} (as stored after the write, or before a
   * delete) since the last {@link #reset()}.
   */
  public synchronized long units(String entityType) {
    return unitsByEntity.getOrDefault(entityType, 0L);
  }

  /** The largest item written (its larger side) since the last {@link #reset()}, in bytes. */
  public synchronized long largestItemBytes() {
    return largestItemBytes;
  }

  /** The largest transaction (its items' larger sides together) since the last {@link #reset()}, in bytes. */
  public synchronized long largestTransactionBytes() {
    return largestTransactionBytes;
  }

  public synchronized void reset() {
    units = 0;
    unitsByEntity.clear();
    largestItemBytes = 0;
    largestTransactionBytes = 0;
  }

  /**
   * The units of writing one item that was {@code before} and is {@code after} (null: absent), into
   * a table with {@code indexes}.
   */
  static long unitsOf(Map<String, AttributeValue> before, Map<String, AttributeValue> after, List<IndexShape> indexes,
      boolean transactional) {
    long units = ItemSize.writeUnits(Math.max(size(before), size(after)));
    for (IndexShape index : indexes) {
      Map<String, AttributeValue> wasIn = index.projection(before);
      Map<String, AttributeValue> isIn = index.projection(after);
      if (wasIn != null && isIn != null && index.sameKey(before, after)) {
        units += ItemSize.writeUnits(Math.max(ItemSize.of(wasIn), ItemSize.of(isIn)));
      } else {
        units += wasIn == null ? 0 : ItemSize.writeUnits(ItemSize.of(wasIn));
        units += isIn == null ? 0 : ItemSize.writeUnits(ItemSize.of(isIn));
      }
    }
    return transactional ? 2 * units : units;
  }

  /** The written item's {@code entity_type}: after the write, or before a delete ("" for neither). */
  private static String entityType(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    for (Map<String, AttributeValue> item : Arrays.asList(after, before)) {
      if (item != null && item.containsKey("entity_type")) {
        return item.get("entity_type").s();
      }
    }
    return "";
  }

  private static long size(Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }

  /** The table and the keys a request writes, or null for a request that writes nothing. */
  private static Pending written(SdkRequest request) {
    if (request instanceof PutItemRequest put) {
      return new Pending(put.tableName(), false).with(put.item());
    }
    if (request instanceof UpdateItemRequest update) {
      return new Pending(update.tableName(), false).with(update.key());
    }
    if (request instanceof DeleteItemRequest delete) {
      return new Pending(delete.tableName(), false).with(delete.key());
    }
    if (request instanceof BatchWriteItemRequest batch) {
      Pending pending = null;
      for (Map.Entry<String, List<WriteRequest>> table : batch.requestItems().entrySet()) {
        if (pending != null) {
          throw new IllegalStateException("WriteUnitMeter meters one table per BatchWriteItem");
        }
        pending = new Pending(table.getKey(), false);
        for (WriteRequest write : table.getValue()) {
          pending.with(write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key());
        }
      }
      return pending;
    }
    if (request instanceof TransactWriteItemsRequest transaction) {
      Pending pending = null;
      for (TransactWriteItem part : transaction.transactItems()) {
        String table;
        Map<String, AttributeValue> key;
        if (part.put() != null) {
          table = part.put().tableName();
          key = part.put().item();
        } else if (part.update() != null) {
          table = part.update().tableName();
          key = part.update().key();
        } else if (part.delete() != null) {
          table = part.delete().tableName();
          key = part.delete().key();
        } else {
          continue;
        }
        if (pending == null) {
          pending = new Pending(table, true);
        } else if (!pending.table.equals(table)) {
          throw new IllegalStateException("WriteUnitMeter meters one table per transaction");
        }
        pending.with(key);
      }
      return pending;
    }
    return null;
  }

  private Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item = reader.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private synchronized TableShape shape(String table) {
    return shapes.computeIfAbsent(table, name -> TableShape.of(reader.describeTable(b -> b.tableName(name)).table()));
  }

  /** The writes of one call, waiting for their after images. */
  private static final class Pending {
    final String table;
    final boolean transactional;
    final List<Map<String, AttributeValue>> keys = new ArrayList<>();
    final List<Map<String, AttributeValue>> before = new ArrayList<>();

    Pending(String table, boolean transactional) {
      this.table = table;
      this.transactional = transactional;
    }

    Pending with(Map<String, AttributeValue> itemOrKey) {
      keys.add(itemOrKey);
      return this;
    }
  }

  /** A table's primary key attributes and its global secondary indexes. */
  private record TableShape(List<String> keyAttributes, List<IndexShape> indexes) {

    static TableShape of(TableDescription table) {
      List<String> keys = table.keySchema().stream().map(k -> k.attributeName()).toList();
      List<IndexShape> indexes = new ArrayList<>();
      if (table.hasGlobalSecondaryIndexes()) {
        table.globalSecondaryIndexes().forEach(index -> indexes.add(new IndexShape(
            index.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName(),
            index.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst()
                .map(k -> k.attributeName()).orElse(null),
            keys, index.projection().projectionType(),
            index.projection().hasNonKeyAttributes() ? index.projection().nonKeyAttributes() : List.of())));
      }
      return new TableShape(keys, List.copyOf(indexes));
    }

    Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      keyAttributes.forEach(name -> key.put(name, item.get(name)));
      return key;
    }
  }

  /** A global secondary index: its key, and what of an item it holds. */
  record IndexShape(String partitionKey, String sortKey, List<String> tableKeys, ProjectionType projection,
      List<String> included) {

    /** The item as this index holds it, or null when the item (or its absence) is not in the index. */
    Map<String, AttributeValue> projection(Map<String, AttributeValue> item) {
      if (item == null || !item.containsKey(partitionKey) || (sortKey != null && !item.containsKey(sortKey))) {
        return null;
      }
      if (projection == ProjectionType.ALL) {
        return item;
      }
      Map<String, AttributeValue> projected = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(tableKeys);
      names.add(partitionKey);
      if (sortKey != null) {
        names.add(sortKey);
      }
      if (projection == ProjectionType.INCLUDE) {
        names.addAll(included);
      }
      names.forEach(name -> {
        if (item.containsKey(name)) {
          projected.put(name, item.get(name));
        }
      });
      return projected;
    }

    boolean sameKey(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
      return Objects.equals(before.get(partitionKey), after.get(partitionKey))
          && (sortKey == null || Objects.equals(before.get(sortKey), after.get(sortKey)));
    }
  }
}

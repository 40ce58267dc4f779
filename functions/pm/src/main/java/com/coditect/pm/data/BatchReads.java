package com.coditect.pm.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads several items of any kind in one {@code BatchGetItem}: the one read a task write may make
 * before its transaction (the task, its project and counter, a new parent, rank neighbours).
 */
@Singleton
public final class BatchReads {

  private final SingleTable table;

  @Inject
  public BatchReads(SingleTable table) {
    this.table = table;
  }

  /** The items found, by key; absent keys have no entry. A single key is read with a GetItem. */
  public Found get(List<Key> keys) {
    Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>();
    keys.forEach(key -> distinct.add(key.primaryKeyMap(UniqueItem.SCHEMA)));
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    if (distinct.size() == 1) {
      Map<String, AttributeValue> key = distinct.iterator().next();
      var item = table.lowLevel().getItem(g -> g.tableName(table.name()).key(key).consistentRead(true)).item();
      if (item != null && !item.isEmpty()) {
        found.put(id(item.get("PK").s(), item.get("SK").s()), item);
      }
      return new Found(found);
    }
    Map<String, KeysAndAttributes> pending = Map.of(table.name(),
        KeysAndAttributes.builder().keys(distinct).consistentRead(true).build());
    // At most a handful of small items: far below the 16 MB and 100-key limits, so unprocessed keys
    // come back only when DynamoDB throttles; they are read again then (the only extra call).
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> batch = pending;
      var response = table.lowLevel().batchGetItem(b -> b.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
        found.put(id(item.get("PK").s(), item.get("SK").s()), item);
      }
      pending = response.unprocessedKeys();
    }
    return new Found(found);
  }

  private static String id(String pk, String sk) {
    return pk + "\n" + sk;
  }

  /** The result of one batch read. */
  public static final class Found {
    private final Map<String, Map<String, AttributeValue>> items;

    Found(Map<String, Map<String, AttributeValue>> items) {
      this.items = items;
    }

    public Optional<Map<String, AttributeValue>> raw(Key key) {
      return Optional.ofNullable(items.get(id(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s())));
    }

    public Optional<TaskItem> task(Key key) {
      return raw(key).map(TaskItem.SCHEMA::mapToItem);
    }
  }
}

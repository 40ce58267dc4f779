package com.coditect.shared.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Consistent reads of items of any kind by key, in as few calls as DynamoDB allows: none for no
 * key, one {@code GetItem} for one, one {@code BatchGetItem} for up to {@link #MAX_KEYS}. Unprocessed
 * keys come back only when DynamoDB throttles or a response passes 16 MB; they are read again then
 * (the only extra call).
 */
@Singleton
public final class BatchGets {

  /** DynamoDB's limit of keys per BatchGetItem. */
  public static final int MAX_KEYS = 100;

  private final SingleTable table;

  @Inject
  public BatchGets(SingleTable table) {
    this.table = table;
  }

  /** The items found; absent keys have no entry. More distinct keys than one call takes is a bug. */
  public Found get(Collection<Key> keys) {
    Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>();
    keys.forEach(key -> distinct.add(key.primaryKeyMap(UniqueItem.SCHEMA)));
    if (distinct.size() > MAX_KEYS) {
      throw new IllegalArgumentException(distinct.size() + " keys exceed one BatchGetItem's " + MAX_KEYS);
    }
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    if (distinct.size() == 1) {
      Map<String, AttributeValue> key = distinct.iterator().next();
      var item = table.lowLevel().getItem(g -> g.tableName(table.name()).key(key).consistentRead(true)).item();
      if (item != null && !item.isEmpty()) {
        found.put(id(item.get("PK").s(), item.get("SK").s()), item);
      }
    } else if (!distinct.isEmpty()) {
      Map<String, KeysAndAttributes> pending = Map.of(table.name(),
          KeysAndAttributes.builder().keys(distinct).consistentRead(true).build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> batch = pending;
        var response = table.lowLevel().batchGetItem(b -> b.requestItems(batch));
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
          found.put(id(item.get("PK").s(), item.get("SK").s()), item);
        }
        pending = response.unprocessedKeys();
      }
    }
    return new Found(found);
  }

  private static String id(String pk, String sk) {
    return pk + "\n" + sk;
  }

  /** What one read found, by key. */
  public static final class Found {
    private final Map<String, Map<String, AttributeValue>> items;

    Found(Map<String, Map<String, AttributeValue>> items) {
      this.items = items;
    }

    /** The stored attributes at {@code key}, if an item is there. */
    public Optional<Map<String, AttributeValue>> raw(Key key) {
      return Optional.ofNullable(items.get(id(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s())));
    }

    /** The item at {@code key} through its schema, if one is there. */
    public <T> Optional<T> item(Key key, TableSchema<T> schema) {
      return raw(key).map(schema::mapToItem);
    }
  }
}

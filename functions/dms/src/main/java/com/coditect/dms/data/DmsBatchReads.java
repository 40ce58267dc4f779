package com.coditect.dms.data;

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
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the few items one DMS decision needs (a document, the caller's teams, a pinned version, a
 * share) in one consistent {@code BatchGetItem}; a single key is one {@code GetItem}.
 */
@Singleton
public final class DmsBatchReads {

  private final SingleTable table;

  @Inject
  public DmsBatchReads(SingleTable table) {
    this.table = table;
  }

  /** The items found, by key; absent keys have no entry. */
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
    // A handful of small items: unprocessed keys come back only when DynamoDB throttles, and are
    // read again then (the only extra call).
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

  /** The result of one batch read, mapped by the schema of what each key holds. */
  public static final class Found {
    private final Map<String, Map<String, AttributeValue>> items;

    Found(Map<String, Map<String, AttributeValue>> items) {
      this.items = items;
    }

    public Optional<DocumentItem> document(Key key) {
      return item(key, DocumentItem.SCHEMA);
    }

    public Optional<MemberTeamsItem> memberTeams(Key key) {
      return item(key, MemberTeamsItem.SCHEMA);
    }

    public Optional<DocumentVersionItem> version(Key key) {
      return item(key, DocumentVersionItem.SCHEMA);
    }

    public Optional<ShareItem> share(Key key) {
      return item(key, ShareItem.SCHEMA);
    }

    private <T> Optional<T> item(Key key, TableSchema<T> schema) {
      return Optional.ofNullable(items.get(id(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s())))
          .map(schema::mapToItem);
    }
  }
}

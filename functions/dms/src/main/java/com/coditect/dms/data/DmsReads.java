package com.coditect.dms.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items of any kind by key in one {@code BatchGetItem} (one key: one {@code GetItem}), with
 * consistent reads: the one read of a page's documents, their folders and the caller's teams, or
 * of what a write needs before its transaction.
 */
@Singleton
public final class DmsReads {

  /** DynamoDB's limit of keys per BatchGetItem. */
  public static final int MAX_KEYS = 100;

  private final SingleTable table;

  @Inject
  public DmsReads(SingleTable table) {
    this.table = table;
  }

  /** The items found; absent keys have no entry. No keys: no call. */
  public Found get(List<Key> keys) {
    Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>();
    keys.forEach(key -> distinct.add(key.primaryKeyMap(UniqueItem.SCHEMA)));
    if (distinct.size() > MAX_KEYS) {
      throw new IllegalArgumentException(distinct.size() + " keys exceed one BatchGetItem's " + MAX_KEYS);
    }
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    if (distinct.isEmpty()) {
      return new Found(found);
    }
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
    // Unprocessed keys come back only when DynamoDB throttles or a response passes 16 MB; they are
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

  /** The result of one read, by key and item type. */
  public static final class Found {
    private final Map<String, Map<String, AttributeValue>> items;

    Found(Map<String, Map<String, AttributeValue>> items) {
      this.items = items;
    }

    private <T> Optional<T> item(Key key, TableSchema<T> schema) {
      return Optional.ofNullable(items.get(id(key.partitionKeyValue().s(), key.sortKeyValue().orElseThrow().s())))
          .map(schema::mapToItem);
    }

    public Optional<DocumentItem> document(Key key) {
      return item(key, DocumentItem.SCHEMA);
    }

    public Optional<FolderItem> folder(Key key) {
      return item(key, FolderItem.SCHEMA);
    }

    public Optional<MemberTeamsItem> memberTeams(Key key) {
      return item(key, MemberTeamsItem.SCHEMA);
    }

    public Optional<PendingUploadItem> pendingUpload(Key key) {
      return item(key, PendingUploadItem.SCHEMA);
    }

    public Optional<DocumentVersionItem> version(Key key) {
      return item(key, DocumentVersionItem.SCHEMA);
    }

    public Optional<ContentItem> content(Key key) {
      return item(key, ContentItem.SCHEMA);
    }

    public Optional<DmsUsageItem> usage(Key key) {
      return item(key, DmsUsageItem.SCHEMA);
    }

    /** Every document among {@code keys} that was found, in the order of the keys. */
    public List<DocumentItem> documents(List<Key> keys) {
      return keys.stream().map(this::document).flatMap(Optional::stream).toList();
    }

    /** The found items of {@code keys} by what {@code id} names them. */
    public Map<String, FolderItem> folders(List<Key> keys, Function<FolderItem, String> id) {
      Map<String, FolderItem> byId = new HashMap<>();
      keys.forEach(key -> folder(key).ifPresent(folder -> byId.put(id.apply(folder), folder)));
      return byId;
    }
  }
}

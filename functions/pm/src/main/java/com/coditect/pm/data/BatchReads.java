package com.coditect.pm.data;

import com.coditect.shared.store.BatchGets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads several items of any kind in one {@code BatchGetItem}: the one read a task write may make
 * before its transaction (the task, its project and counter, a new parent, rank neighbours).
 */
@Singleton
public final class BatchReads {

  private final BatchGets gets;

  @Inject
  public BatchReads(BatchGets gets) {
    this.gets = gets;
  }

  /** The items found, by key; absent keys have no entry. A single key is read with a GetItem. */
  public Found get(List<Key> keys) {
    return new Found(gets.get(keys));
  }

  /** The result of one batch read. */
  public static final class Found {
    private final BatchGets.Found items;

    Found(BatchGets.Found items) {
      this.items = items;
    }

    public Optional<Map<String, AttributeValue>> raw(Key key) {
      return items.raw(key);
    }

    public Optional<TaskItem> task(Key key) {
      return items.item(key, TaskItem.SCHEMA);
    }
  }
}

package com.coditect.shared.store;

import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The base of a repository of one item type. It keeps the typed view of the single table inside
 * {@code data/}, so that services never hold a table, and offers the plain write parts a service
 * adds to its unit of work ({@link WriteTransaction}); a subclass adds the reads of its access
 * patterns and the write parts that need conditions of their own.
 */
public abstract class ItemRepository<T extends StoredItem<T>> {

  protected final DynamoDbTable<T> table;

  protected ItemRepository(SingleTable table, TableSchema<T> schema) {
    this.table = table.view(schema);
  }

  /** Adds the creation of {@code item} (stamped); the transaction fails with {@code onExists} if its key is taken. */
  public void create(WriteTransaction tx, T item, Supplier<? extends RuntimeException> onExists) {
    tx.create(table, item, onExists);
  }

  /**
   * Adds the replacement of an item read at {@code readVersion} ({@code item.version} already the
   * next one); the transaction fails with {@code onStale} if someone wrote it since.
   */
  public void replace(WriteTransaction tx, T item, long readVersion, Supplier<? extends RuntimeException> onStale) {
    tx.replace(table, item, readVersion, onStale);
  }

  /** Adds an unconditional put (a list row, an append-only record). */
  public void put(WriteTransaction tx, T item) {
    tx.put(table, item);
  }
}

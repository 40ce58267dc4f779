package com.coditect.shared.store;

import org.jspecify.annotations.Nullable;

/**
 * An immutable item of the single table: its own attributes plus the common ones in
 * {@link ItemMeta}. A change is a copy ({@code task.withStatus(DONE).nextVersion(now)}), so an
 * item read once can be compared with what is written, and nothing changes it behind a caller's back.
 *
 * @param <T> the item class itself, so that copies keep their type
 */
public interface StoredItem<T extends StoredItem<T>> {

  ItemMeta meta();

  /** This item with other common attributes (generated). */
  T withMeta(ItemMeta meta);

  /** The version of a versioned item (unboxing fails loudly on one that has none). */
  default long version() {
    return meta().version();
  }

  default String createdAt() {
    return meta().createdAt();
  }

  default String updatedAt() {
    return meta().updatedAt();
  }

  default @Nullable String deletedAt() {
    return meta().deletedAt();
  }

  default boolean isDeleted() {
    return meta().deletedAt() != null;
  }

  /** True when the item's own expiry has passed, whether or not DynamoDB has removed it yet. */
  default boolean isExpired(long nowEpochSeconds) {
    Long ttl = meta().ttl();
    return ttl != null && ttl <= nowEpochSeconds;
  }

  /** This item as the next version, changed at {@code now}. */
  default T nextVersion(String now) {
    return withMeta(meta().withVersion(version() + 1).withUpdatedAt(now));
  }

  /** This item soft-deleted at {@code now}, as the next version. */
  default T softDeleted(String now) {
    return withMeta(meta().withDeletedAt(now).withUpdatedAt(now).withVersion(version() + 1));
  }

  /** This soft-deleted item live again at {@code now}, as the next version. */
  default T restored(String now) {
    return withMeta(meta().withDeletedAt(null).withUpdatedAt(now).withVersion(version() + 1));
  }

  /** This item listed under GSI1 at {@code partition}, sorted by {@code sort} (null: not listed). */
  default T withIndex1(@Nullable String partition, @Nullable String sort) {
    return withMeta(meta().withGsi1pk(partition).withGsi1sk(sort));
  }

  /** This item listed under GSI2 at {@code partition}, sorted by {@code sort} (null: not listed). */
  default T withIndex2(@Nullable String partition, @Nullable String sort) {
    return withMeta(meta().withGsi2pk(partition).withGsi2sk(sort));
  }
}

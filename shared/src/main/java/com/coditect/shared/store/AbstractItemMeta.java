package com.coditect.shared.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The attributes every item of the single table has, as one value flattened into each item's
 * schema: the generic keys, the entity type and, for versioned entities, {@code version}, the
 * timestamps and {@code deleted_at}; {@code ttl} for items that expire.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractItemMeta {

  public static final String GSI1 = "GSI1";
  public static final String GSI2 = "GSI2";

  public abstract String pk();

  public abstract String sk();

  public abstract @Nullable String gsi1pk();

  public abstract @Nullable String gsi1sk();

  public abstract @Nullable String gsi2pk();

  public abstract @Nullable String gsi2sk();

  public abstract @Nullable String entityType();

  /** Null on items that are never updated in place (sentinels, outbox rows, list rows). */
  public abstract @Nullable Long version();

  public abstract @Nullable String createdAt();

  public abstract @Nullable String updatedAt();

  public abstract @Nullable String deletedAt();

  /** Epoch seconds; DynamoDB may keep an item for days after it, so readers check it too. */
  public abstract @Nullable Long ttl();

  /** A new versioned item at {@code key}: its type, first version and creation time. */
  public static ItemMeta created(Key key, String entityType, String now) {
    return at(key, entityType).withVersion(1L).withCreatedAt(now).withUpdatedAt(now);
  }

  /** An item at {@code key} with no version (a sentinel, a list row, an append-only record). */
  public static ItemMeta at(Key key, String entityType) {
    return ItemMeta.builder()
        .pk(key.partitionKeyValue().s())
        .sk(key.sortKeyValue().orElseThrow().s())
        .entityType(entityType)
        .build();
  }

  /** The schema of these attributes, flattened into every item's ({@code .flatten(ItemMeta.SCHEMA, ...)}). */
  public static final TableSchema<ItemMeta> SCHEMA =
      StaticImmutableTableSchema.builder(ItemMeta.class, ItemMeta.Builder.class)
          .newItemBuilder(ItemMeta::builder, ItemMeta.Builder::build)
          .addAttribute(String.class, a -> a.name("PK").getter(ItemMeta::pk).setter(ItemMeta.Builder::pk)
              .tags(primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name("SK").getter(ItemMeta::sk).setter(ItemMeta.Builder::sk)
              .tags(primarySortKey()))
          .addAttribute(String.class, a -> a.name("GSI1PK").getter(ItemMeta::gsi1pk).setter(ItemMeta.Builder::gsi1pk)
              .tags(secondaryPartitionKey(GSI1)))
          .addAttribute(String.class, a -> a.name("GSI1SK").getter(ItemMeta::gsi1sk).setter(ItemMeta.Builder::gsi1sk)
              .tags(secondarySortKey(GSI1)))
          .addAttribute(String.class, a -> a.name("GSI2PK").getter(ItemMeta::gsi2pk).setter(ItemMeta.Builder::gsi2pk)
              .tags(secondaryPartitionKey(GSI2)))
          .addAttribute(String.class, a -> a.name("GSI2SK").getter(ItemMeta::gsi2sk).setter(ItemMeta.Builder::gsi2sk)
              .tags(secondarySortKey(GSI2)))
          .addAttribute(String.class, a -> a.name("entity_type").getter(ItemMeta::entityType)
              .setter(ItemMeta.Builder::entityType))
          .addAttribute(Long.class, a -> a.name("version").getter(ItemMeta::version).setter(ItemMeta.Builder::version))
          .addAttribute(String.class, a -> a.name("created_at").getter(ItemMeta::createdAt)
              .setter(ItemMeta.Builder::createdAt))
          .addAttribute(String.class, a -> a.name("updated_at").getter(ItemMeta::updatedAt)
              .setter(ItemMeta.Builder::updatedAt))
          .addAttribute(String.class, a -> a.name("deleted_at").getter(ItemMeta::deletedAt)
              .setter(ItemMeta.Builder::deletedAt))
          .addAttribute(Long.class, a -> a.name("ttl").getter(ItemMeta::ttl).setter(ItemMeta.Builder::ttl))
          .build();
}

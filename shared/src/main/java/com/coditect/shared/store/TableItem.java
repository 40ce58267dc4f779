package com.coditect.shared.store;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The attributes every item of the single table has: generic keys, the entity type and, for
 * mutable entities, {@code version} and the timestamps. Subclasses are plain data carriers whose
 * public fields are mapped by one static schema each (no reflection, built once per class).
 */
public abstract class TableItem {

  public static final String GSI1 = "GSI1";
  public static final String GSI2 = "GSI2";

  public String pk;
  public String sk;
  public String gsi1pk;
  public String gsi1sk;
  public String gsi2pk;
  public String gsi2sk;
  public String entityType;
  public Long version;
  public String createdAt;
  public String updatedAt;
  public String deletedAt;
  /** Epoch seconds; DynamoDB may keep an item for days after it, so readers check it too. */
  public Long ttl;

  /** The schema of the common attributes, for {@code StaticTableSchema.Builder.extend}. */
  public static final StaticTableSchema<TableItem> BASE_SCHEMA =
      StaticTableSchema.builder(TableItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .addAttribute(String.class, a -> a.name("PK").getter(i -> i.pk).setter((i, v) -> i.pk = v)
              .tags(primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name("SK").getter(i -> i.sk).setter((i, v) -> i.sk = v)
              .tags(primarySortKey()))
          .addAttribute(String.class, a -> a.name("GSI1PK").getter(i -> i.gsi1pk)
              .setter((i, v) -> i.gsi1pk = v).tags(secondaryPartitionKey(GSI1)))
          .addAttribute(String.class, a -> a.name("GSI1SK").getter(i -> i.gsi1sk)
              .setter((i, v) -> i.gsi1sk = v).tags(secondarySortKey(GSI1)))
          .addAttribute(String.class, a -> a.name("GSI2PK").getter(i -> i.gsi2pk)
              .setter((i, v) -> i.gsi2pk = v).tags(secondaryPartitionKey(GSI2)))
          .addAttribute(String.class, a -> a.name("GSI2SK").getter(i -> i.gsi2sk)
              .setter((i, v) -> i.gsi2sk = v).tags(secondarySortKey(GSI2)))
          .addAttribute(String.class, a -> a.name("entity_type").getter(i -> i.entityType)
              .setter((i, v) -> i.entityType = v))
          .addAttribute(Long.class, a -> a.name("version").getter(i -> i.version)
              .setter((i, v) -> i.version = v))
          .addAttribute(String.class, a -> a.name("created_at").getter(i -> i.createdAt)
              .setter((i, v) -> i.createdAt = v))
          .addAttribute(String.class, a -> a.name("updated_at").getter(i -> i.updatedAt)
              .setter((i, v) -> i.updatedAt = v))
          .addAttribute(String.class, a -> a.name("deleted_at").getter(i -> i.deletedAt)
              .setter((i, v) -> i.deletedAt = v))
          .addAttribute(Long.class, a -> a.name("ttl").getter(i -> i.ttl).setter((i, v) -> i.ttl = v))
          .build();

  /** Makes this a new item at {@code key}: its type, first version and creation time. */
  public void stampNew(Key key, String entityType, String now) {
    pk = key.partitionKeyValue().s();
    sk = key.sortKeyValue().orElseThrow().s();
    this.entityType = entityType;
    version = 1L;
    createdAt = now;
    updatedAt = now;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  /** True when the item's own expiry has passed, whether or not DynamoDB has removed it yet. */
  public boolean isExpired(long nowEpochSeconds) {
    return ttl != null && ttl <= nowEpochSeconds;
  }
}

package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The tenant's DMS storage counter: {@code PK=T#t#DMS_USAGE, SK=USAGE}. {@code storage_used_bytes}
 * is the exact size of the tenant's distinct content; each change is written conditionally on the
 * {@code version} read, so the totals form one sequence and every {@code storage.changed} event
 * carries its total and that version (tenancy keeps only the highest).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractDmsUsageItem implements StoredItem<DmsUsageItem> {

  public static final String ENTITY = "DMS_USAGE";

  public abstract Long storageUsedBytes();

  public static final TableSchema<DmsUsageItem> SCHEMA =
      StaticImmutableTableSchema.builder(DmsUsageItem.class, DmsUsageItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(DmsUsageItem::builder, DmsUsageItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, DmsUsageItem::meta, DmsUsageItem.Builder::meta)
          .addAttribute(Long.class, a -> a.name("storage_used_bytes").getter(DmsUsageItem::storageUsedBytes)
              .setter(DmsUsageItem.Builder::storageUsedBytes))
          .build();
}

package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The tenant's one copy of some bytes: {@code PK=T#t#CONTENT#sha256hex, SK=CONTENT}, its object and
 * size, and how many versions use it ({@code reference_count}, changed with {@code ADD} in each
 * version's transaction). Content is per tenant, never shared across tenants.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractContentItem implements StoredItem<ContentItem> {

  public static final String ENTITY = "DMS_CONTENT";

  public abstract String checksum();

  public abstract String filePath();

  public abstract Long sizeBytes();

  public abstract Long referenceCount();

  public static final TableSchema<ContentItem> SCHEMA =
      StaticImmutableTableSchema.builder(ContentItem.class, ContentItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ContentItem::builder, ContentItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ContentItem::meta, ContentItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("checksum").getter(ContentItem::checksum)
              .setter(ContentItem.Builder::checksum))
          .addAttribute(String.class, a -> a.name("file_path").getter(ContentItem::filePath)
              .setter(ContentItem.Builder::filePath))
          .addAttribute(Long.class, a -> a.name("size_bytes").getter(ContentItem::sizeBytes)
              .setter(ContentItem.Builder::sizeBytes))
          .addAttribute(Long.class, a -> a.name("reference_count").getter(ContentItem::referenceCount)
              .setter(ContentItem.Builder::referenceCount))
          .build();
}

package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Where a public link's token leads: {@code PK=PLATFORM#SHARE_TOKEN#<sha256 hex of the token>,
 * SK=SHARE_TOKEN}, the one DMS key outside every tenant (a link names no tenant). It holds the
 * tenant, the share, its document and the pinned version, which never change after creation, so
 * one read of it lets the public routes read the share, the document and the version in one batch.
 * Written with the share, with {@code attribute_not_exists} (the token is unique).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractShareTokenItem implements StoredItem<ShareTokenItem> {

  public static final String ENTITY = "DOCUMENT_SHARE_TOKEN";

  public abstract String tenantId();

  public abstract String shareId();

  public abstract String documentId();

  public abstract @Nullable Long versionNumber();

  public static final TableSchema<ShareTokenItem> SCHEMA =
      StaticImmutableTableSchema.builder(ShareTokenItem.class, ShareTokenItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ShareTokenItem::builder, ShareTokenItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ShareTokenItem::meta, ShareTokenItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("tenant_id").getter(ShareTokenItem::tenantId)
              .setter(ShareTokenItem.Builder::tenantId))
          .addAttribute(String.class, a -> a.name("share_id").getter(ShareTokenItem::shareId)
              .setter(ShareTokenItem.Builder::shareId))
          .addAttribute(String.class, a -> a.name("document_id").getter(ShareTokenItem::documentId)
              .setter(ShareTokenItem.Builder::documentId))
          .addAttribute(Long.class, a -> a.name("version_number").getter(ShareTokenItem::versionNumber)
              .setter(ShareTokenItem.Builder::versionNumber))
          .build();
}

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
 * The file of one document version as a share link needs it, read from the version item
 * ({@code PK=T#t#DOC#d, SK=VERSION#0000000007}, written by the documents part): its number, the
 * object holding its bytes, its size and SHA-256, and its name and type where the version has its
 * own. Read-only: a projection of the attributes the share routes use, never written from here.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractVersionFileItem implements StoredItem<VersionFileItem> {

  public static final String ENTITY = "DOCUMENT_VERSION";

  public abstract Long versionNumber();

  public abstract @Nullable String filePath();

  public abstract @Nullable String fileName();

  public abstract @Nullable Long fileSizeBytes();

  public abstract @Nullable String mimeType();

  public abstract @Nullable String checksum();

  public static final TableSchema<VersionFileItem> SCHEMA =
      StaticImmutableTableSchema.builder(VersionFileItem.class, VersionFileItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(VersionFileItem::builder, VersionFileItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, VersionFileItem::meta, VersionFileItem.Builder::meta)
          .addAttribute(Long.class, a -> a.name("version_number").getter(VersionFileItem::versionNumber)
              .setter(VersionFileItem.Builder::versionNumber))
          .addAttribute(String.class, a -> a.name("file_path").getter(VersionFileItem::filePath)
              .setter(VersionFileItem.Builder::filePath))
          .addAttribute(String.class, a -> a.name("file_name").getter(VersionFileItem::fileName)
              .setter(VersionFileItem.Builder::fileName))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(VersionFileItem::fileSizeBytes)
              .setter(VersionFileItem.Builder::fileSizeBytes))
          .addAttribute(String.class, a -> a.name("mime_type").getter(VersionFileItem::mimeType)
              .setter(VersionFileItem.Builder::mimeType))
          .addAttribute(String.class, a -> a.name("checksum").getter(VersionFileItem::checksum)
              .setter(VersionFileItem.Builder::checksum))
          .build();
}

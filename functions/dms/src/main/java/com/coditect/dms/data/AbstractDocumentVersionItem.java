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
 * One version of a document (spec Domain 2.2): {@code PK=T#t#DOC#d, SK=VERSION#0000000007}. The key
 * is the (document, version_number) uniqueness: a version is created with {@code attribute_not_exists}
 * and never changed. {@code file_path} is the tenant's content object of its SHA-256, shared by every
 * version with the same bytes; {@code file_name} and {@code mime_type} are kept per version, so an
 * old version downloads under the name it had.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractDocumentVersionItem implements StoredItem<DocumentVersionItem> {

  public static final String ENTITY = "DOCUMENT_VERSION";

  public abstract String id();

  public abstract String documentId();

  public abstract Long versionNumber();

  public abstract String filePath();

  public abstract String fileName();

  public abstract String mimeType();

  public abstract Long fileSizeBytes();

  public abstract String checksum();

  public abstract @Nullable String changeSummary();

  /** The version whose content this one took over ("promote"), when it was made that way. */
  public abstract @Nullable Long restoredFrom();

  public abstract @Nullable String createdBy();

  public static final TableSchema<DocumentVersionItem> SCHEMA =
      StaticImmutableTableSchema.builder(DocumentVersionItem.class, DocumentVersionItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(DocumentVersionItem::builder, DocumentVersionItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, DocumentVersionItem::meta, DocumentVersionItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(DocumentVersionItem::id)
              .setter(DocumentVersionItem.Builder::id))
          .addAttribute(String.class, a -> a.name("document_id").getter(DocumentVersionItem::documentId)
              .setter(DocumentVersionItem.Builder::documentId))
          .addAttribute(Long.class, a -> a.name("version_number").getter(DocumentVersionItem::versionNumber)
              .setter(DocumentVersionItem.Builder::versionNumber))
          .addAttribute(String.class, a -> a.name("file_path").getter(DocumentVersionItem::filePath)
              .setter(DocumentVersionItem.Builder::filePath))
          .addAttribute(String.class, a -> a.name("file_name").getter(DocumentVersionItem::fileName)
              .setter(DocumentVersionItem.Builder::fileName))
          .addAttribute(String.class, a -> a.name("mime_type").getter(DocumentVersionItem::mimeType)
              .setter(DocumentVersionItem.Builder::mimeType))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(DocumentVersionItem::fileSizeBytes)
              .setter(DocumentVersionItem.Builder::fileSizeBytes))
          .addAttribute(String.class, a -> a.name("checksum").getter(DocumentVersionItem::checksum)
              .setter(DocumentVersionItem.Builder::checksum))
          .addAttribute(String.class, a -> a.name("change_summary").getter(DocumentVersionItem::changeSummary)
              .setter(DocumentVersionItem.Builder::changeSummary))
          .addAttribute(Long.class, a -> a.name("restored_from").getter(DocumentVersionItem::restoredFrom)
              .setter(DocumentVersionItem.Builder::restoredFrom))
          .addAttribute(String.class, a -> a.name("created_by").getter(DocumentVersionItem::createdBy)
              .setter(DocumentVersionItem.Builder::createdBy))
          .build();
}

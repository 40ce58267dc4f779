package com.coditect.dms.data;

import com.coditect.dms.data.Grant;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A document (spec Domain 2.1): {@code PK=T#t#DOC#d, SK=DOC}. Its current version's file is
 * described by {@code file_*}, {@code checksum} and {@code version}; {@code grants} are the live and
 * expired grants made on the document itself (the folder's come from its {@link FolderItem}), kept
 * in the transaction of each grant change so that access is decided from the items a page reads.
 * {@code status} is {@code deleted} while soft deleted; {@code status_before_delete} is what restore
 * gives back. Its list rows ({@link DmsKeys}) carry its summary.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractDocumentItem implements StoredItem<DocumentItem> {

  public static final String ENTITY = "DOCUMENT";
  /** The entity type of a document's list rows (see {@link DmsKeys}). */
  public static final String ROW_ENTITY = "DOCUMENT_ROW";

  public abstract String id();

  public abstract @Nullable String projectId();

  public abstract @Nullable String folderId();

  public abstract String title();

  public abstract @Nullable String description();

  public abstract @Nullable String filePath();

  public abstract @Nullable String fileName();

  public abstract @Nullable Long fileSizeBytes();

  public abstract @Nullable String mimeType();

  public abstract @Nullable String checksum();

  public abstract Long currentVersion();

  public abstract DocumentStatus status();

  public abstract @Nullable DocumentStatus statusBeforeDelete();

  public abstract @Nullable String ownerId();

  public abstract @Nullable String createdBy();

  public abstract @Nullable String updatedBy();

  public abstract List<String> tags();

  public abstract String metadata();

  public abstract List<Grant> grants();

  /**
   * This document as a list row at {@code partition}/{@code sort}: what lists show plus
   * {@code folder_id}, without grants (access is decided from the document itself) and unversioned.
   */
  public DocumentItem rowAt(String partition, String sort) {
    ItemMeta rowMeta = ItemMeta.builder().from(meta()).pk(partition).sk(sort).gsi1pk(null).gsi1sk(null).gsi2pk(null)
        .gsi2sk(null).entityType(ROW_ENTITY).version(null).build();
    return DocumentItem.builder().from(this).meta(rowMeta).grants(List.of()).build();
  }

  public static final TableSchema<DocumentItem> SCHEMA =
      StaticImmutableTableSchema.builder(DocumentItem.class, DocumentItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(DocumentItem::builder, DocumentItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, DocumentItem::meta, DocumentItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(DocumentItem::id)
              .setter(DocumentItem.Builder::id))
          .addAttribute(String.class, a -> a.name("project_id").getter(DocumentItem::projectId)
              .setter(DocumentItem.Builder::projectId))
          .addAttribute(String.class, a -> a.name("folder_id").getter(DocumentItem::folderId)
              .setter(DocumentItem.Builder::folderId))
          .addAttribute(String.class, a -> a.name("title").getter(DocumentItem::title)
              .setter(DocumentItem.Builder::title))
          .addAttribute(String.class, a -> a.name("description").getter(DocumentItem::description)
              .setter(DocumentItem.Builder::description))
          .addAttribute(String.class, a -> a.name("file_path").getter(DocumentItem::filePath)
              .setter(DocumentItem.Builder::filePath))
          .addAttribute(String.class, a -> a.name("file_name").getter(DocumentItem::fileName)
              .setter(DocumentItem.Builder::fileName))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(DocumentItem::fileSizeBytes)
              .setter(DocumentItem.Builder::fileSizeBytes))
          .addAttribute(String.class, a -> a.name("mime_type").getter(DocumentItem::mimeType)
              .setter(DocumentItem.Builder::mimeType))
          .addAttribute(String.class, a -> a.name("checksum").getter(DocumentItem::checksum)
              .setter(DocumentItem.Builder::checksum))
          .addAttribute(Long.class, a -> a.name("current_version").getter(DocumentItem::currentVersion)
              .setter(DocumentItem.Builder::currentVersion))
          .addAttribute(DocumentStatus.class, a -> a.name("status").getter(DocumentItem::status)
              .setter(DocumentItem.Builder::status).attributeConverter(ChoiceConverter.of(DocumentStatus.class)))
          .addAttribute(DocumentStatus.class, a -> a.name("status_before_delete").getter(DocumentItem::statusBeforeDelete)
              .setter(DocumentItem.Builder::statusBeforeDelete).attributeConverter(ChoiceConverter.of(DocumentStatus.class)))
          .addAttribute(String.class, a -> a.name("owner_id").getter(DocumentItem::ownerId)
              .setter(DocumentItem.Builder::ownerId))
          .addAttribute(String.class, a -> a.name("created_by").getter(DocumentItem::createdBy)
              .setter(DocumentItem.Builder::createdBy))
          .addAttribute(String.class, a -> a.name("updated_by").getter(DocumentItem::updatedBy)
              .setter(DocumentItem.Builder::updatedBy))
          .addAttribute(EnhancedType.listOf(String.class), a -> a.name("tags").getter(DocumentItem::tags)
              .setter(DocumentItem.Builder::tags))
          .addAttribute(String.class, a -> a.name("metadata").getter(DocumentItem::metadata)
              .setter(DocumentItem.Builder::metadata))
          .addAttribute(GrantsConverter.TYPE, a -> a.name("grants").getter(DocumentItem::grants)
              .setter(DocumentItem.Builder::grants).attributeConverter(new GrantsConverter()))
          .build();
}

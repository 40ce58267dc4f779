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
 * An upload announced but not completed: {@code PK=T#t#DOC#d, SK=UPLOAD#0000000007}, what the
 * client said it would send for that version and where the bytes are staged. {@code complete}
 * removes it in the version's transaction; otherwise its {@code ttl} (a day) ends it, and readers
 * treat it as gone from then on whether or not DynamoDB has removed it yet.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractPendingUploadItem implements StoredItem<PendingUploadItem> {

  public static final String ENTITY = "DOCUMENT_UPLOAD";

  public abstract String id();

  public abstract String documentId();

  public abstract Long versionNumber();

  public abstract String fileName();

  public abstract String mimeType();

  public abstract Long fileSizeBytes();

  public abstract String checksum();

  public abstract @Nullable String changeSummary();

  public abstract String stagingKey();

  /** S3's id of the multipart upload (null: a single PUT). */
  public abstract @Nullable String multipartUploadId();

  public abstract @Nullable Integer partCount();

  public abstract @Nullable String createdBy();

  public static final TableSchema<PendingUploadItem> SCHEMA =
      StaticImmutableTableSchema.builder(PendingUploadItem.class, PendingUploadItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(PendingUploadItem::builder, PendingUploadItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, PendingUploadItem::meta, PendingUploadItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(PendingUploadItem::id)
              .setter(PendingUploadItem.Builder::id))
          .addAttribute(String.class, a -> a.name("document_id").getter(PendingUploadItem::documentId)
              .setter(PendingUploadItem.Builder::documentId))
          .addAttribute(Long.class, a -> a.name("version_number").getter(PendingUploadItem::versionNumber)
              .setter(PendingUploadItem.Builder::versionNumber))
          .addAttribute(String.class, a -> a.name("file_name").getter(PendingUploadItem::fileName)
              .setter(PendingUploadItem.Builder::fileName))
          .addAttribute(String.class, a -> a.name("mime_type").getter(PendingUploadItem::mimeType)
              .setter(PendingUploadItem.Builder::mimeType))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(PendingUploadItem::fileSizeBytes)
              .setter(PendingUploadItem.Builder::fileSizeBytes))
          .addAttribute(String.class, a -> a.name("checksum").getter(PendingUploadItem::checksum)
              .setter(PendingUploadItem.Builder::checksum))
          .addAttribute(String.class, a -> a.name("change_summary").getter(PendingUploadItem::changeSummary)
              .setter(PendingUploadItem.Builder::changeSummary))
          .addAttribute(String.class, a -> a.name("staging_key").getter(PendingUploadItem::stagingKey)
              .setter(PendingUploadItem.Builder::stagingKey))
          .addAttribute(String.class, a -> a.name("multipart_upload_id").getter(PendingUploadItem::multipartUploadId)
              .setter(PendingUploadItem.Builder::multipartUploadId))
          .addAttribute(Integer.class, a -> a.name("part_count").getter(PendingUploadItem::partCount)
              .setter(PendingUploadItem.Builder::partCount))
          .addAttribute(String.class, a -> a.name("created_by").getter(PendingUploadItem::createdBy)
              .setter(PendingUploadItem.Builder::createdBy))
          .build();
}

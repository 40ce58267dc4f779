package com.coditect.pm.data;

import com.coditect.pm.model.AttachmentStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A file attached to a task, in the task's partition; the bytes live in S3 at {@link #filePath}:
 *
 * <pre>
 * PK            SK              entity_type       serves
 * T#t#TASK#k    ATTACHMENT#f    TASK_ATTACHMENT   one attachment (GetItem / BatchGetItem with its task);
 *                                                 a task's attachments newest first
 *                                                 (Query SK begins_with ATTACHMENT#, descending)
 * </pre>
 *
 * {@link #status} is {@code pending} from the upload URL until the object is confirmed in S3, then
 * {@code available}. Removal is a hard delete of the row and the object (the spec has no deleted_at).
 */
@Value.Immutable
@ItemStyle
abstract class AbstractAttachmentItem implements StoredItem<AttachmentItem> {

  public static final String ENTITY = "TASK_ATTACHMENT";

  public abstract String id();

  public abstract String taskId();

  public abstract String uploaderId();

  public abstract String filename();

  /** The S3 object key: {@code tenants/<tenant>/pm/<task id>/<attachment id>/<filename>}. */
  public abstract String filePath();

  public abstract long fileSizeBytes();

  public abstract String mimeType();

  /** The client's SHA-256 of the file, 64 lower-case hex digits. */
  public abstract String sha256();

  public abstract AttachmentStatus status();

  public static final TableSchema<AttachmentItem> SCHEMA =
      StaticImmutableTableSchema.builder(AttachmentItem.class, AttachmentItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(AttachmentItem::builder, AttachmentItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, AttachmentItem::meta, AttachmentItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(AttachmentItem::id).setter(AttachmentItem.Builder::id))
          .addAttribute(String.class, a -> a.name("task_id").getter(AttachmentItem::taskId)
              .setter(AttachmentItem.Builder::taskId))
          .addAttribute(String.class, a -> a.name("uploader_id").getter(AttachmentItem::uploaderId)
              .setter(AttachmentItem.Builder::uploaderId))
          .addAttribute(String.class, a -> a.name("filename").getter(AttachmentItem::filename)
              .setter(AttachmentItem.Builder::filename))
          .addAttribute(String.class, a -> a.name("file_path").getter(AttachmentItem::filePath)
              .setter(AttachmentItem.Builder::filePath))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(AttachmentItem::fileSizeBytes)
              .setter(AttachmentItem.Builder::fileSizeBytes))
          .addAttribute(String.class, a -> a.name("mime_type").getter(AttachmentItem::mimeType)
              .setter(AttachmentItem.Builder::mimeType))
          .addAttribute(String.class, a -> a.name("sha256").getter(AttachmentItem::sha256)
              .setter(AttachmentItem.Builder::sha256))
          .addAttribute(AttachmentStatus.class, a -> a.name("status").getter(AttachmentItem::status)
              .setter(AttachmentItem.Builder::status).attributeConverter(ChoiceConverter.of(AttachmentStatus.class)))
          .build();

  public boolean isPending() {
    return status() == AttachmentStatus.PENDING;
  }
}

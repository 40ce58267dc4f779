package com.coditect.pm.data;

import com.coditect.pm.model.AttachmentStatus;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

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
public final class AttachmentItem extends TableItem {

  public static final String ENTITY = "TASK_ATTACHMENT";

  public String id;
  public String taskId;
  public String uploaderId;
  public String filename;
  /** The S3 object key: {@code tenants/<tenant>/pm/<task id>/<attachment id>/<filename>}. */
  public String filePath;
  public Long fileSizeBytes;
  public String mimeType;
  /** The client's SHA-256 of the file, 64 lower-case hex digits. */
  public String sha256;
  public AttachmentStatus status;

  public static final TableSchema<AttachmentItem> SCHEMA =
      StaticTableSchema.builder(AttachmentItem.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemSupplier(AttachmentItem::new)
          .extend(BASE_SCHEMA)
          .addAttribute(String.class, a -> a.name("id").getter(i -> i.id).setter((i, v) -> i.id = v))
          .addAttribute(String.class, a -> a.name("task_id").getter(i -> i.taskId).setter((i, v) -> i.taskId = v))
          .addAttribute(String.class, a -> a.name("uploader_id").getter(i -> i.uploaderId)
              .setter((i, v) -> i.uploaderId = v))
          .addAttribute(String.class, a -> a.name("filename").getter(i -> i.filename).setter((i, v) -> i.filename = v))
          .addAttribute(String.class, a -> a.name("file_path").getter(i -> i.filePath).setter((i, v) -> i.filePath = v))
          .addAttribute(Long.class, a -> a.name("file_size_bytes").getter(i -> i.fileSizeBytes)
              .setter((i, v) -> i.fileSizeBytes = v))
          .addAttribute(String.class, a -> a.name("mime_type").getter(i -> i.mimeType).setter((i, v) -> i.mimeType = v))
          .addAttribute(String.class, a -> a.name("sha256").getter(i -> i.sha256).setter((i, v) -> i.sha256 = v))
          .addAttribute(AttachmentStatus.class, a -> a.name("status").getter(i -> i.status)
              .setter((i, v) -> i.status = v)
              .attributeConverter(ChoiceConverter.of(AttachmentStatus.class)))
          .build();

  public boolean isPending() {
    return status == AttachmentStatus.PENDING;
  }
}

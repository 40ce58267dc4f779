package com.coditect.dms.domain;

import com.coditect.dms.api.DocumentFields.AnnouncedFile;
import com.coditect.dms.api.DocumentResponse.Upload;
import com.coditect.dms.data.DocumentStorage;
import com.coditect.dms.data.PendingUploadItem;
import com.coditect.dms.data.PendingUploadRepository;
import com.coditect.shared.config.DmsConfig;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Announces an upload: a pending-upload item and where the client sends the bytes. A file up to
 * {@link DmsConfig#multipartThresholdBytes} gets one presigned PUT that signs its type, size and
 * SHA-256; a larger one a multipart upload (one {@code CreateMultipartUpload}, its part URLs
 * presigned locally). Either way the bytes land at a staging key named by the upload's id, never
 * by the file's name.
 */
@Singleton
public final class Uploads {

  /** How long an announced upload may wait for {@code complete}; the staging objects expire by the bucket's rule. */
  public static final Duration PENDING_LIFETIME = Duration.ofDays(1);

  private final DocumentStorage storage;
  private final Clock clock;
  private final long multipartThreshold;

  @Inject
  Uploads(DocumentStorage storage, Clock clock, DmsConfig config) {
    this.storage = storage;
    this.clock = clock;
    this.multipartThreshold = config.multipartThresholdBytes();
  }

  /** The pending upload to write and the client's instructions. */
  public record Announced(PendingUploadItem pending, Upload upload) {}

  public Announced announce(TenantId tenant, String documentId, long versionNumber, AnnouncedFile file,
      String changeSummary, String userId, String now) {
    String uploadId = Ids.newId();
    String staging = DocumentStorage.stagingKey(tenant, uploadId);
    long ttl = clock.instant().plus(PENDING_LIFETIME).getEpochSecond();
    PendingUploadItem.Builder pending = PendingUploadItem.builder()
        .meta(PendingUploadRepository.newMeta(tenant, documentId, versionNumber, now, ttl))
        .id(uploadId)
        .documentId(documentId)
        .versionNumber(versionNumber)
        .fileName(file.fileName())
        .mimeType(file.mimeType())
        .fileSizeBytes(file.fileSizeBytes())
        .checksum(file.checksum())
        .changeSummary(changeSummary)
        .stagingKey(staging)
        .createdBy(userId);
    if (file.fileSizeBytes() <= multipartThreshold) {
      return new Announced(pending.build(), Upload.single(uploadId,
          storage.presignUpload(staging, file.mimeType(), file.fileSizeBytes(), file.checksum())));
    }
    String s3UploadId = storage.startMultipart(staging, file.mimeType());
    int parts = DocumentStorage.partCount(file.fileSizeBytes());
    return new Announced(pending.multipartUploadId(s3UploadId).partCount(parts).build(),
        Upload.multipart(uploadId, DocumentStorage.partSize(file.fileSizeBytes()),
            storage.presignParts(staging, s3UploadId, parts)));
  }
}

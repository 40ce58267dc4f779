package com.coditect.pm.api;

import com.coditect.pm.data.AttachmentItem;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.store.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An attachment as the API shows it. A create adds {@code upload} (where and how to PUT the file),
 * a read of one adds {@code download}; lists and events carry neither.
 */
public record AttachmentResponse(
    String id, String taskId, String uploaderId, String filename, String filePath, long fileSizeBytes,
    String mimeType, String sha256, String status, String createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Upload upload,
    @JsonInclude(JsonInclude.Include.NON_NULL) Download download) {

  /** A presigned PUT: send the file's bytes with exactly these headers before it expires. */
  public record Upload(String url, String method, Map<String, String> headers, String expiresAt) {}

  /** A presigned GET, valid for a few minutes. */
  public record Download(String url, String expiresAt) {}

  public static AttachmentResponse from(AttachmentItem item) {
    return new AttachmentResponse(item.id(), item.taskId(), item.uploaderId(), item.filename(), item.filePath(),
        item.fileSizeBytes(), item.mimeType(), item.sha256(), item.status().apiName(), item.createdAt(), null, null);
  }

  public AttachmentResponse withUpload(PresignedRequest put) {
    return new AttachmentResponse(id, taskId, uploaderId, filename, filePath, fileSizeBytes, mimeType, sha256, status,
        createdAt, new Upload(put.url().toString(), "PUT", put.headers(), Timestamps.format(put.expiresAt())), null);
  }

  public AttachmentResponse withDownload(PresignedRequest get) {
    return new AttachmentResponse(id, taskId, uploaderId, filename, filePath, fileSizeBytes, mimeType, sha256, status,
        createdAt, null, new Download(get.url().toString(), Timestamps.format(get.expiresAt())));
  }
}

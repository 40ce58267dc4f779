package com.coditect.dms.api;

import com.coditect.dms.data.DocumentItem;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A document as the API shows it. {@code current_version} is the spec's {@code version}: the number
 * of the current version, 0 until the first upload completes (the file fields are null until then).
 * An upload's answer adds {@code version_number} (the version being created),
 * {@code upload_required}, {@code deduplicated} and, when bytes must be sent, {@code upload}.
 */
public record DocumentResponse(
    String id, String title, String description, String folderId, String projectId, String ownerId,
    String status, List<String> tags, JsonNode metadata, String fileName, String mimeType, Long fileSizeBytes,
    String checksum, String filePath, long currentVersion, String createdBy, String updatedBy, String createdAt,
    String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String deletedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long versionNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean uploadRequired,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deduplicated,
    @JsonInclude(JsonInclude.Include.NON_NULL) Upload upload) {

  /**
   * Where and how to send the bytes: {@code method} {@code PUT} with {@code url} and exactly
   * {@code headers}, or {@code multipart} with one presigned {@code parts} URL per
   * {@code part_size_bytes} slice (the last may be shorter), each PUT with the part's own
   * {@code x-amz-checksum-sha256}; then {@code complete} with the parts' ETags.
   */
  public record Upload(String uploadId, String method, @JsonInclude(JsonInclude.Include.NON_NULL) String url,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> headers,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long partSizeBytes,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Part> parts, String expiresAt) {

    public static Upload single(String uploadId, PresignedRequest put) {
      return new Upload(uploadId, "PUT", put.url().toString(), put.headers(), null, null,
          Timestamps.format(put.expiresAt()));
    }

    public static Upload multipart(String uploadId, long partSizeBytes, List<PresignedRequest> parts) {
      List<Part> numbered = new java.util.ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        numbered.add(new Part(i + 1, parts.get(i).url().toString()));
      }
      return new Upload(uploadId, "multipart", null, null, partSizeBytes, numbered,
          Timestamps.format(parts.get(0).expiresAt()));
    }
  }

  /** One presigned UploadPart. */
  public record Part(int partNumber, String url) {}

  public static DocumentResponse from(DocumentItem item) {
    return new DocumentResponse(item.id(), item.title(), item.description(), item.folderId(), item.projectId(),
        item.ownerId(), item.status().apiName(), item.tags(), metadata(item.metadata()), item.fileName(),
        item.mimeType(), item.fileSizeBytes(), item.checksum(), item.filePath(), item.currentVersion(),
        item.createdBy(), item.updatedBy(), item.createdAt(), item.updatedAt(), item.deletedAt(), null, null, null,
        null);
  }

  /** This document as an upload's answer. */
  public DocumentResponse withUpload(long versionNumber, Upload upload) {
    return new DocumentResponse(id, title, description, folderId, projectId, ownerId, status, tags, metadata,
        fileName, mimeType, fileSizeBytes, checksum, filePath, currentVersion, createdBy, updatedBy, createdAt,
        updatedAt, deletedAt, versionNumber, upload != null, upload == null, upload);
  }

  private static JsonNode metadata(String text) {
    try {
      return JsonText.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored metadata is not JSON", e);
    }
  }
}

package com.coditect.dms.api;

import com.coditect.dms.data.DocumentVersionItem;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One version of a document as the API shows it. */
public record VersionResponse(String id, String documentId, long versionNumber, String fileName, String mimeType,
    long fileSizeBytes, String checksum, String filePath, String changeSummary,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long restoredFrom, String createdBy, String createdAt) {

  public static VersionResponse from(DocumentVersionItem item) {
    return new VersionResponse(item.id(), item.documentId(), item.versionNumber(), item.fileName(), item.mimeType(),
        item.fileSizeBytes(), item.checksum(), item.filePath(), item.changeSummary(), item.restoredFrom(),
        item.createdBy(), item.createdAt());
  }
}

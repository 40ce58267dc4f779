package com.coditect.audit.data;

import com.coditect.shared.files.DocumentsBucket;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The compliance report PDFs in the documents bucket: one PutObject per report. Only the generator
 * writes them; the API hands out presigned GETs.
 */
@Singleton
public final class ComplianceReportStorage {

  private final DocumentsBucket bucket;

  @Inject
  ComplianceReportStorage(DocumentsBucket bucket) {
    this.bucket = bucket;
  }

  /** Stores a PDF; writing the same key again (a redelivered request) replaces it. */
  public void putPdf(String key, byte[] pdf) {
    bucket.put(key, "application/pdf", "inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"", pdf);
  }
}

package com.coditect.audit.data;

import com.coditect.shared.files.S3Objects;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The compliance report PDFs in the documents bucket: one PutObject per report. Only the generator
 * writes them; the API hands out presigned GETs ({@code PresignedUrls}).
 */
@Singleton
public final class ReportStorage {

  private final S3Objects objects;

  @Inject
  ReportStorage(S3Objects objects) {
    this.objects = objects;
  }

  /** Stores a PDF; writing the same key again (a redelivered request) replaces it. */
  public void putPdf(String key, byte[] pdf) {
    objects.put(key, "application/pdf", "inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"", pdf);
  }
}

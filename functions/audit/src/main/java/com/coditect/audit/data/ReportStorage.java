package com.coditect.audit.data;

import com.coditect.shared.config.AppConfig;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The compliance report PDFs in the documents bucket: one PutObject per report. Only the generator
 * writes them; the API hands out presigned GETs ({@code PresignedUrls}) without an S3 client.
 */
@Singleton
public final class ReportStorage {

  private final S3Client s3;
  private final String bucket;

  @Inject
  ReportStorage(S3Client s3, AppConfig config) {
    this.s3 = s3;
    this.bucket = config.bucketName();
  }

  /** Stores a PDF; writing the same key again (a redelivered request) replaces it. */
  public void putPdf(String key, byte[] pdf) {
    s3.putObject(put -> put.bucket(bucket).key(key).contentType("application/pdf")
        .contentDisposition("inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\""),
        RequestBody.fromBytes(pdf));
  }
}

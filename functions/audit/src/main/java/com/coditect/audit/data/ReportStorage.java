package com.coditect.audit.data;

import com.coditect.shared.config.AppConfig;
import dagger.Lazy;
import java.net.URI;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The compliance report PDFs in the documents bucket: one PutObject per report, presigned GETs to read them. */
@Singleton
public final class ReportStorage {

  public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  // Lazy: the audit API's log routes never touch S3, so their cold start does not build its clients.
  private final Lazy<S3Client> s3;
  private final Lazy<S3Presigner> presigner;
  private final String bucket;

  @Inject
  ReportStorage(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, AppConfig config) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = config.bucketName();
  }

  /** Stores a PDF; writing the same key again (a redelivered request) replaces it. */
  public void putPdf(String key, byte[] pdf) {
    s3.get().putObject(put -> put.bucket(bucket).key(key).contentType("application/pdf")
        .contentDisposition("inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\""),
        RequestBody.fromBytes(pdf));
  }

  /** A short-lived GET URL, signed locally (no call). */
  public URI presignDownload(String key) {
    return URI.create(presigner.get().presignGetObject(request -> request.signatureDuration(DOWNLOAD_URL_LIFETIME)
        .getObjectRequest(get -> get.bucket(bucket).key(key))).url().toString());
  }
}

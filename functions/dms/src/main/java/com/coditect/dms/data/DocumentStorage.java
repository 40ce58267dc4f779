package com.coditect.dms.data;

import com.coditect.shared.files.ContentDisposition;
import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.files.DocumentsBucket.UploadedPart;
import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The bytes of documents in S3: presigned single and multipart uploads to a staging key, the checks
 * and moves of {@code complete}, and presigned downloads. Keys come from {@link DmsKeys} and never
 * contain a name.
 */
@Singleton
public final class DocumentStorage {

  public static final Duration UPLOAD_URL_LIFETIME = Duration.ofMinutes(15);
  /** Parts get longer: a large file takes a while, and each part URL is used once. */
  public static final Duration PART_URL_LIFETIME = Duration.ofHours(6);
  public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);
  /** S3's smallest part (but the last) is 5 MiB; 8 MiB parts keep the count low for files near the threshold. */
  public static final long MIN_PART_SIZE = 8L * 1024 * 1024;
  /** S3's largest number of parts. */
  public static final int MAX_PARTS = 10_000;

  /**
   * The tag every staged object carries: the bucket's lifecycle rule {@code ExpireStagedDocumentUploads}
   * removes tagged objects after a day, so bytes of an upload never completed do not stay. (A prefix
   * rule cannot do it: staged keys start with the tenant.) Content objects are copies without tags.
   */
  public static final String STAGING_TAG = "coditect-dms-staging=true";

  private final DocumentsBucket bucket;

  @Inject
  public DocumentStorage(DocumentsBucket bucket) {
    this.bucket = bucket;
  }

  /** Where the bytes of upload {@code uploadId} are staged. */
  public static String stagingKey(TenantId tenant, String uploadId) {
    return DmsKeys.stagingObject(tenant, uploadId);
  }

  /** Where the tenant's bytes with this SHA-256 live. */
  public static String contentKey(TenantId tenant, String sha256Hex) {
    return DmsKeys.contentObject(tenant, sha256Hex);
  }

  /** The SHA-256 as S3 writes it in checksum headers: base64 of the 32 digest bytes. */
  public static String base64Sha256(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  /** The part size of a multipart upload of {@code sizeBytes}: 8 MiB, more when 10,000 parts would not hold it. */
  public static long partSize(long sizeBytes) {
    long needed = (sizeBytes + MAX_PARTS - 1) / MAX_PARTS;
    return Math.max(MIN_PART_SIZE, needed);
  }

  /** How many parts of {@link #partSize} a file of {@code sizeBytes} has. */
  public static int partCount(long sizeBytes) {
    long size = partSize(sizeBytes);
    return (int) ((sizeBytes + size - 1) / size);
  }

  /** A PUT whose signature covers the type, the length and the SHA-256: S3 refuses any other file. */
  public PresignedRequest presignUpload(String key, String mimeType, long sizeBytes, String sha256Hex) {
    return bucket.presignPut(key, mimeType, sizeBytes, base64Sha256(sha256Hex), STAGING_TAG, UPLOAD_URL_LIFETIME);
  }

  /** Starts the multipart upload (one call) and returns S3's upload id. */
  public String startMultipart(String key, String mimeType) {
    return bucket.startMultipart(key, mimeType, STAGING_TAG);
  }

  /** The presigned part URLs, part 1 first (computed locally, no call). */
  public List<PresignedRequest> presignParts(String key, String uploadId, int count) {
    List<PresignedRequest> parts = new ArrayList<>(count);
    for (int part = 1; part <= count; part++) {
      parts.add(bucket.presignPart(key, uploadId, part, PART_URL_LIFETIME));
    }
    return parts;
  }

  public void completeMultipart(String key, String uploadId, List<UploadedPart> parts) {
    bucket.completeMultipart(key, uploadId, parts);
  }

  public void abortMultipart(String key, String uploadId) {
    bucket.abortMultipart(key, uploadId);
  }

  /** One {@code HeadObject} with its checksum. */
  public Optional<StoredObject> head(String key) {
    return bucket.head(key);
  }

  /** The SHA-256 (hex) of the stored bytes, read as a stream (one {@code GetObject}). */
  public String sha256Hex(String key) {
    return bucket.sha256Hex(key);
  }

  public void copy(String source, String target) {
    bucket.copy(source, target);
  }

  public void delete(String key) {
    bucket.delete(key);
  }

  /** A short-lived GET that makes browsers save the file under {@code fileName}. */
  public PresignedRequest presignDownload(String key, String fileName) {
    return bucket.presignGet(key, DOWNLOAD_URL_LIFETIME, ContentDisposition.attachment(fileName));
  }
}

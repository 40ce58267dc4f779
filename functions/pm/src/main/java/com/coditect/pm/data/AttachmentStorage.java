package com.coditect.pm.data;

import com.coditect.shared.files.ContentDisposition;
import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The bytes of task attachments in S3: presigned upload and download URLs (computed locally, no
 * call), and the one {@code HeadObject} or {@code DeleteObject} a route may make.
 */
@Singleton
public final class AttachmentStorage {

  public static final Duration UPLOAD_URL_LIFETIME = Duration.ofMinutes(15);
  public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  private final DocumentsBucket bucket;

  @Inject
  public AttachmentStorage(DocumentsBucket bucket) {
    this.bucket = bucket;
  }

  /**
   * The object key of an attachment. The filename stays out of it: S3 keys are at most 1024 bytes,
   * and the spec's 255 characters of a name can take 1020; downloads carry the name in their
   * Content-Disposition instead.
   */
  public static String objectKey(TenantId tenant, String taskId, String attachmentId) {
    return "tenants/" + tenant.value() + "/pm/" + taskId + "/" + attachmentId;
  }

  /** The SHA-256 as S3 writes it in checksum headers: base64 of the 32 digest bytes. */
  public static String base64Sha256(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  /**
   * A PUT URL whose signature covers the content type, the length and the checksum, so S3 refuses
   * any other file: the client must send exactly the returned headers.
   */
  public PresignedRequest presignUpload(String key, String mimeType, long sizeBytes, String sha256Hex) {
    return bucket.presignPut(key, mimeType, sizeBytes, base64Sha256(sha256Hex), UPLOAD_URL_LIFETIME);
  }

  /** A GET URL that makes browsers save the file under its own name. */
  public PresignedRequest presignDownload(String key, String filename) {
    return bucket.presignGet(key, DOWNLOAD_URL_LIFETIME, contentDisposition(filename));
  }

  /** One {@code HeadObject}: the object if it is there. */
  public Optional<StoredObject> head(String key) {
    return bucket.head(key);
  }

  /** One {@code DeleteObject}; deleting a missing key succeeds, as in S3. */
  public void delete(String key) {
    bucket.delete(key);
  }

  /** The download's Content-Disposition: the file's own name (a second domain's downloads use the same rule). */
  static String contentDisposition(String filename) {
    return ContentDisposition.attachment(filename);
  }
}

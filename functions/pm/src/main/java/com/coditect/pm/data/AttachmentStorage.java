package com.coditect.pm.data;

import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
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

  /** RFC 8187 attr-char besides letters and digits: these stay as they are in filename*. */
  private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";

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

  /**
   * {@code attachment} with an ASCII fallback name (RFC 6266) and the exact name in UTF-8
   * (RFC 8187), so every browser saves the file under a sensible name.
   */
  static String contentDisposition(String filename) {
    StringBuilder fallback = new StringBuilder();
    filename.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}

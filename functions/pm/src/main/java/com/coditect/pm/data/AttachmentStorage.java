package com.coditect.pm.data;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.tenancy.TenantId;
import dagger.Lazy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

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

  // Lazy: most PM requests (tasks, sprints, boards) never touch S3, so a cold start does not pay
  // for building its clients.
  private final Lazy<S3Client> s3;
  private final Lazy<S3Presigner> presigner;
  private final String bucket;

  @Inject
  public AttachmentStorage(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, AppConfig config) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = config.bucketName();
  }

  /** A presigned request: where to send it, the headers it was signed with, and when it stops working. */
  public record Presigned(String url, Map<String, String> headers, Instant expiresAt) {}

  /** What S3 holds at a key: its size and, when S3 stored one, its full-object SHA-256 (base64). */
  public record StoredObject(long sizeBytes, Optional<String> sha256Base64) {}

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
  public Presigned presignUpload(String key, String mimeType, long sizeBytes, String sha256Hex) {
    PutObjectRequest put = PutObjectRequest.builder()
        .bucket(bucket)
        .key(key)
        .contentType(mimeType)
        .contentLength(sizeBytes)
        .checksumSHA256(base64Sha256(sha256Hex))
        .build();
    PresignedPutObjectRequest presigned = presigner.get().presignPutObject(
        request -> request.signatureDuration(UPLOAD_URL_LIFETIME).putObjectRequest(put));
    return new Presigned(presigned.url().toString(), clientHeaders(presigned.signedHeaders()), presigned.expiration());
  }

  /** A GET URL that makes browsers save the file under its own name. */
  public Presigned presignDownload(String key, String filename) {
    var presigned = presigner.get().presignGetObject(request -> request.signatureDuration(DOWNLOAD_URL_LIFETIME)
        .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentDisposition(contentDisposition(filename))));
    return new Presigned(presigned.url().toString(), Map.of(), presigned.expiration());
  }

  /** One {@code HeadObject}: the object if it is there. */
  public Optional<StoredObject> head(String key) {
    HeadObjectResponse head;
    try {
      head = s3.get().headObject(request -> request.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    // A multipart upload reports a checksum of part checksums ("...-3"), which is no file digest.
    Optional<String> sha256 = Optional.ofNullable(head.checksumSHA256()).filter(value -> !value.contains("-"));
    return Optional.of(new StoredObject(head.contentLength(), sha256));
  }

  /** One {@code DeleteObject}; deleting a missing key succeeds, as in S3. */
  public void delete(String key) {
    s3.get().deleteObject(request -> request.bucket(bucket).key(key));
  }

  /** The signed headers a client must send, minus Host (its HTTP library sets that from the URL). */
  private static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
    Map<String, String> headers = new LinkedHashMap<>();
    signed.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        headers.put(displayName(name), String.join(",", values));
      }
    });
    return headers;
  }

  private static String displayName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "content-type" -> "Content-Type";
      case "content-length" -> "Content-Length";
      default -> name;
    };
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

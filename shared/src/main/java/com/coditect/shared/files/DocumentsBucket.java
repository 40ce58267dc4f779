package com.coditect.shared.files;

import com.coditect.shared.config.AppConfig;
import dagger.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedUploadPartRequest;

/**
 * The documents bucket through the SDK: presigned GETs and PUTs for browsers (computed locally, no
 * call), and the object requests a function sends itself, with the S3 client's retries and
 * SHA-256 checksums. The client and presigner are built on first use, so a route that needs
 * neither does not pay for them at a cold start.
 */
@Singleton
public final class DocumentsBucket {

  /** What S3 holds at a key: its size and, when S3 stored one for the whole object, its SHA-256 (base64). */
  public record StoredObject(long sizeBytes, Optional<String> sha256Base64) {}

  private final Lazy<S3Client> s3;
  private final Lazy<S3Presigner> presigner;
  private final String bucket;

  @Inject
  public DocumentsBucket(Lazy<S3Client> s3, Lazy<S3Presigner> presigner, AppConfig config) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = config.bucketName();
  }

  /** A GET of {@code key} valid for {@code lifetime}. */
  public PresignedRequest presignGet(String key, Duration lifetime) {
    return presignGet(key, lifetime, null);
  }

  /**
   * A GET of {@code key} whose response carries {@code contentDisposition} (S3's
   * response-content-disposition; null for none), e.g. to have browsers save the file under its name.
   */
  public PresignedRequest presignGet(String key, Duration lifetime, String contentDisposition) {
    PresignedGetObjectRequest get = presigner.get().presignGetObject(p -> p.signatureDuration(lifetime)
        .getObjectRequest(r -> r.bucket(bucket).key(key).responseContentDisposition(contentDisposition)));
    return new PresignedRequest(toUri(get.url()), Map.of(), get.expiration());
  }

  /**
   * A PUT of {@code key} whose signature covers the content type, the length and the SHA-256
   * (base64, as S3's checksum header has it), so S3 refuses any other file: the client must send
   * exactly the returned headers.
   */
  public PresignedRequest presignPut(String key, String contentType, long contentLength, String sha256Base64,
      Duration lifetime) {
    return presignPut(key, contentType, contentLength, sha256Base64, null, lifetime);
  }

  /**
   * As {@link #presignPut(String, String, long, String, Duration)}, with the object's tags
   * ({@code x-amz-tagging}, URL-encoded {@code key=value&...}; null: none) signed too, e.g. the tag a
   * lifecycle rule expires staged uploads by.
   */
  public PresignedRequest presignPut(String key, String contentType, long contentLength, String sha256Base64,
      String tagging, Duration lifetime) {
    PresignedPutObjectRequest put = presigner.get().presignPutObject(p -> p.signatureDuration(lifetime)
        .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)
            .checksumSHA256(sha256Base64).tagging(tagging)));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : put.signedHeaders().entrySet()) {
      // Host comes from the URL; every HTTP library sets it itself.
      if (!header.getKey().equalsIgnoreCase("host")) {
        headers.put(canonicalName(header.getKey()), String.join(",", header.getValue()));
      }
    }
    return new PresignedRequest(toUri(put.url()), headers, put.expiration());
  }

  /**
   * One {@code HeadObject} with its checksum: the object, or empty if there is none at {@code key}.
   * S3 answers a HEAD of a missing key 404 only to a caller that may list the whole bucket, and 403
   * to any other. A function may list only under its own prefixes (an {@code s3:prefix} condition,
   * which a HEAD does not carry), so a 403 is followed by one {@code ListObjectsV2} of exactly that
   * key: no object there means absent; an object there means the 403 was a real refusal.
   */
  public Optional<StoredObject> head(String key) {
    HeadObjectResponse head;
    try {
      head = s3.get().headObject(r -> r.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() != 403 || exists(key)) {
        throw e;
      }
      return Optional.empty();
    }
    // A multipart upload reports a checksum of part checksums ("...-3"), which is no file digest.
    Optional<String> sha256 = Optional.ofNullable(head.checksumSHA256()).filter(value -> !value.contains("-"));
    return Optional.of(new StoredObject(head.contentLength(), sha256));
  }

  private boolean exists(String key) {
    return s3.get().listObjectsV2(r -> r.bucket(bucket).prefix(key).maxKeys(1)).contents().stream()
        .anyMatch(object -> object.key().equals(key));
  }

  /**
   * Stores {@code body} at {@code key}, replacing what is there. Its SHA-256 goes along, so S3
   * refuses bytes damaged on the way and keeps the checksum with the object.
   */
  public void put(String key, String contentType, String contentDisposition, byte[] body) {
    s3.get().putObject(r -> r.bucket(bucket).key(key).contentType(contentType).contentDisposition(contentDisposition)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(body));
  }

  /** One {@code DeleteObject}. Deleting a missing key succeeds, as in S3. */
  public void delete(String key) {
    s3.get().deleteObject(r -> r.bucket(bucket).key(key));
  }

  /** One part of a multipart upload as the client reports it: its number, ETag and SHA-256 (base64; null: none). */
  public record UploadedPart(int partNumber, String etag, String sha256Base64) {}

  /**
   * Starts a multipart upload at {@code key} (one {@code CreateMultipartUpload}) whose parts carry
   * SHA-256 checksums and whose object gets {@code tagging} (null: no tags); returns its upload id.
   */
  public String startMultipart(String key, String contentType, String tagging) {
    return s3.get().createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType).tagging(tagging)
        .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
  }

  /**
   * An UploadPart of part {@code partNumber} valid for {@code lifetime} (computed locally, no call).
   * The client adds the part's own {@code x-amz-checksum-sha256}, which the function cannot know.
   */
  public PresignedRequest presignPart(String key, String uploadId, int partNumber, Duration lifetime) {
    PresignedUploadPartRequest part = presigner.get().presignUploadPart(p -> p.signatureDuration(lifetime)
        .uploadPartRequest(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)));
    return new PresignedRequest(toUri(part.url()), Map.of(), part.expiration());
  }

  /** Joins the parts into the object (one {@code CompleteMultipartUpload}). */
  public void completeMultipart(String key, String uploadId, List<UploadedPart> parts) {
    List<CompletedPart> completed = parts.stream().map(part -> CompletedPart.builder().partNumber(part.partNumber())
        .eTag(part.etag()).checksumSHA256(part.sha256Base64()).build()).toList();
    s3.get().completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(completed)));
  }

  /** Drops a multipart upload and the parts stored so far (one {@code AbortMultipartUpload}). */
  public void abortMultipart(String key, String uploadId) {
    s3.get().abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
  }

  /**
   * Copies {@code source} to {@code target} inside the bucket (one {@code CopyObject}, objects up to
   * 5 GB). The copy gets no tags: a staged object's tags (which expire it) stay behind.
   */
  public void copy(String source, String target) {
    s3.get().copyObject(r -> r.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
        .destinationKey(target).checksumAlgorithm(ChecksumAlgorithm.SHA256)
        .taggingDirective(TaggingDirective.REPLACE));
  }

  /**
   * The SHA-256 (hex) of the object's bytes, read as a stream (one {@code GetObject}): for objects
   * whose stored checksum is no digest of the whole file (multipart) or that have none.
   */
  public String sha256Hex(String key) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (ResponseInputStream<GetObjectResponse> object = s3.get().getObject(r -> r.bucket(bucket).key(key));
        InputStream in = new DigestInputStream(object, digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code content-type} -> {@code Content-Type}: how clients and the API document write them. */
  private static String canonicalName(String name) {
    StringBuilder canonical = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      canonical.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    String result = canonical.toString();
    return result.startsWith("X-Amz-") ? result.toLowerCase(Locale.ROOT) : result;
  }

  private static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the presigner made a URL that is no URI: " + url, e);
    }
  }
}

package com.coditect.shared.files;

import com.coditect.shared.config.AppConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Presigned GET and PUT URLs of objects in the documents bucket, the same URLs S3's presigner
 * makes, for browsers to download and upload directly. Signing is local computation: no call.
 */
@Singleton
public final class PresignedUrls {

  private final S3Requests requests;
  private final Clock clock;

  @Inject
  public PresignedUrls(AwsCredentialsProvider credentials, AppConfig config, Clock clock) {
    this.requests = new S3Requests(credentials, config);
    this.clock = clock;
  }

  /** A GET of {@code key} valid for {@code lifetime}. */
  public PresignedRequest get(String key, Duration lifetime) {
    return presign(requests.object(SdkHttpMethod.GET, key), Map.of(), lifetime);
  }

  /**
   * A GET of {@code key} whose response carries {@code contentDisposition} (S3's
   * response-content-disposition), e.g. to have browsers save the file under its own name.
   */
  public PresignedRequest get(String key, Duration lifetime, String contentDisposition) {
    return presign(requests.object(SdkHttpMethod.GET, key)
        .putRawQueryParameter("response-content-disposition", contentDisposition), Map.of(), lifetime);
  }

  /**
   * A PUT of {@code key} whose signature covers the content type, the length and the SHA-256
   * (base64, as S3's checksum header has it), so S3 refuses any other file: the client must send
   * exactly the returned headers.
   */
  public PresignedRequest put(String key, String contentType, long contentLength, String sha256Base64,
      Duration lifetime) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Content-Length", Long.toString(contentLength));
    headers.put("x-amz-checksum-sha256", sha256Base64);
    SdkHttpRequest.Builder put = requests.object(SdkHttpMethod.PUT, key);
    headers.forEach(put::putHeader);
    return presign(put, headers, lifetime);
  }

  private PresignedRequest presign(SdkHttpRequest.Builder request, Map<String, String> headers, Duration lifetime) {
    Instant now = clock.instant();
    SdkHttpRequest signed = requests.presign(request.build(), lifetime, now);
    return new PresignedRequest(signed.getUri(), headers, now.plus(lifetime));
  }
}

package com.coditect.shared.files;

import com.coditect.shared.config.AppConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The object requests a function sends itself (HEAD, PUT, DELETE in the documents bucket), signed
 * as the S3 client signs them and sent through the function's HTTP client. Functions that make only
 * these few calls thus need no S3 client module, which is over 4 MB of a jar.
 */
@Singleton
public final class S3Objects {

  /** Names the HTTP client S3 requests go through: the function's one, or a counting one in tests. */
  public static final String HTTP_CLIENT = "s3";

  /** What S3 holds at a key: its size and, when S3 stored one for the whole object, its SHA-256 (base64). */
  public record StoredObject(long sizeBytes, Optional<String> sha256Base64) {}

  // As the S3 client does: a request that failed on S3's side (500, 503 SlowDown) or on the way
  // is tried again, up to three times in all, after a short pause.
  private static final int ATTEMPTS = 3;
  private static final long PAUSE_MILLIS = 100;
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private final SdkHttpClient http;
  private final S3Requests requests;
  private final Clock clock;

  @Inject
  public S3Objects(@Named(HTTP_CLIENT) SdkHttpClient http, AwsCredentialsProvider credentials, AppConfig config,
      Clock clock) {
    this.http = http;
    this.requests = new S3Requests(credentials, config);
    this.clock = clock;
  }

  /** One {@code HeadObject} with its checksum: the object, or empty if there is none at {@code key}. */
  public Optional<StoredObject> head(String key) {
    Answer answer = send(requests.object(SdkHttpMethod.HEAD, key).putHeader("x-amz-checksum-mode", "ENABLED"), null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    answer.requireSuccess("HEAD " + key);
    long size = answer.header("Content-Length").map(Long::parseLong)
        .orElseThrow(() -> new IllegalStateException("S3 answered HEAD " + key + " without Content-Length"));
    // A multipart upload reports a checksum of part checksums ("...-3"), which is no file digest.
    Optional<String> sha256 = answer.header("x-amz-checksum-sha256").filter(value -> !value.contains("-"));
    return Optional.of(new StoredObject(size, sha256));
  }

  /**
   * Stores {@code body} at {@code key}, replacing what is there. Its SHA-256 goes along, so S3
   * refuses bytes damaged on the way and keeps the checksum with the object.
   */
  public void put(String key, String contentType, String contentDisposition, byte[] body) {
    SdkHttpRequest.Builder put = requests.object(SdkHttpMethod.PUT, key)
        .putHeader("Content-Type", contentType)
        .putHeader("Content-Disposition", contentDisposition)
        .putHeader("Content-Length", Integer.toString(body.length))
        .putHeader("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(sha256(body)));
    send(put, body).requireSuccess("PUT " + key);
  }

  /** One {@code DeleteObject}. Deleting a missing key succeeds: S3 answers 204 all the same. */
  public void delete(String key) {
    send(requests.object(SdkHttpMethod.DELETE, key), null).requireSuccess("DELETE " + key);
  }

  /** Signs and sends the request; S3's own failures and broken connections are tried again. */
  private Answer send(SdkHttpRequest.Builder request, byte[] body) {
    for (int attempt = 1; ; attempt++) {
      try {
        Answer answer = sendOnce(requests.sign(request.build(), clock.instant()), body);
        if (answer.status() < 500 || attempt == ATTEMPTS) {
          return answer;
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new UncheckedIOException("S3 could not be reached", e);
        }
      }
      pause(attempt);
    }
  }

  private Answer sendOnce(SdkHttpRequest signed, byte[] body) throws IOException {
    HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed);
    if (body != null) {
      execute.contentStreamProvider(() -> new ByteArrayInputStream(body));
    }
    HttpExecuteResponse response = http.prepareRequest(execute.build()).call();
    int status = response.httpResponse().statusCode();
    String errorCode = "";
    // The body is read (and the stream closed) in every case, so the connection can be reused.
    if (response.responseBody().isPresent()) {
      try (InputStream in = response.responseBody().get()) {
        // These operations answer with no body, or a short XML error.
        byte[] bytes = in.readAllBytes();
        if (status >= 300) {
          Matcher code = ERROR_CODE.matcher(new String(bytes, StandardCharsets.UTF_8));
          errorCode = code.find() ? code.group(1) : "";
        }
      }
    }
    return new Answer(status, errorCode, response.httpResponse());
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(PAUSE_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry an S3 request", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** S3's answer: its status, its error code if it refused, and its headers. */
  private record Answer(int status, String errorCode, SdkHttpResponse response) {

    Optional<String> header(String name) {
      return response.firstMatchingHeader(name);
    }

    void requireSuccess(String request) {
      if (status < 200 || status >= 300) {
        throw new S3RequestException(request, status, errorCode);
      }
    }
  }
}

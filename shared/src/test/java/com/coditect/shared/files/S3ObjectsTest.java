package com.coditect.shared.files;

import static com.coditect.shared.files.PresignedUrlsTest.CREDENTIALS;
import static com.coditect.shared.files.PresignedUrlsTest.ON_AWS;
import static com.coditect.shared.files.PresignedUrlsTest.ON_MOTO;
import static com.coditect.shared.files.PresignedUrlsTest.config;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.files.RecordingHttpClient.Sent;
import com.coditect.shared.files.S3Objects.StoredObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/**
 * The object requests are sent without the S3 client module. Each must be the request the S3
 * client sends for the same operation, less the headers the client adds for its own bookkeeping,
 * and signed as it signs: signing the S3 client's own request with our signing gives its
 * signature byte for byte. Answers are read as the S3 client reads them.
 */
class S3ObjectsTest {

  /** Headers the S3 client adds for itself (who is calling, which attempt of which invocation). */
  private static final Set<String> SDK_BOOKKEEPING = Set.of("user-agent", "amz-sdk-invocation-id", "amz-sdk-request");
  private static final String KEY = "tenants/01a2151b-34f9-7361-a151-2e037e305cdf/pm/t1/a 1é";
  private static final byte[] PDF = "%PDF-1.4 a report".getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  @Test
  void aHeadAsksForTheChecksumAndIsSentAsTheS3ClientSendsIt() {
    for (Optional<URI> endpoint : List.of(ON_AWS, ON_MOTO)) {
      Sent ours = assertSentAsTheS3ClientSends(endpoint,
          s3 -> s3.headObject(r -> r.bucket(config(endpoint).bucketName()).key(KEY)
              .checksumMode(ChecksumMode.ENABLED)),
          objects -> objects.head(KEY));
      assertEquals("ENABLED", ours.request().firstMatchingHeader("x-amz-checksum-mode").orElseThrow());
    }
  }

  @Test
  void aDeleteIsSentAsTheS3ClientSendsIt() {
    for (Optional<URI> endpoint : List.of(ON_AWS, ON_MOTO)) {
      assertSentAsTheS3ClientSends(endpoint,
          s3 -> s3.deleteObject(r -> r.bucket(config(endpoint).bucketName()).key(KEY)),
          objects -> objects.delete(KEY));
    }
  }

  /**
   * On AWS (HTTPS) the S3 client sends a PUT whose SHA-256 is known as one request with the body
   * as is and the checksum in a header; ours is that request. Over plain HTTP the S3 client signs
   * the body in aws-chunked encoding instead, which only an endpoint override (moto) sees.
   */
  @Test
  void onAwsAPutCarriesTheBodyAndItsSha256AsTheS3ClientSendsThem() {
    String sha256 = Base64.getEncoder().encodeToString(sha256(PDF));
    Sent ours = assertSentAsTheS3ClientSends(ON_AWS,
        s3 -> s3.putObject(r -> r.bucket(config(ON_AWS).bucketName()).key(KEY).contentType("application/pdf")
            .contentDisposition("inline; filename=\"r.pdf\"").checksumSHA256(sha256), RequestBody.fromBytes(PDF)),
        objects -> objects.put(KEY, "application/pdf", "inline; filename=\"r.pdf\"", PDF));
    assertArrayEquals(PDF, ours.body());
    assertEquals(sha256, ours.request().firstMatchingHeader("x-amz-checksum-sha256").orElseThrow());
  }

  @Test
  void againstAnEndpointOverrideAPutIsPathStyleWithTheBodyAsIs() {
    RecordingHttpClient http = new RecordingHttpClient(200, Map.of());
    objects(ON_MOTO, http, Clock.systemUTC()).put(KEY, "application/pdf", "inline", PDF);
    Sent put = http.only();
    assertEquals("http://127.0.0.1:5000/coditect-documents/tenants/01a2151b-34f9-7361-a151-2e037e305cdf/pm/t1/"
        + "a%201%C3%A9", put.request().getUri().toString());
    assertEquals(String.valueOf(PDF.length), put.request().firstMatchingHeader("Content-Length").orElseThrow());
    assertArrayEquals(PDF, put.body());
  }

  @Test
  void aHeadGivesTheSizeAndTheWholeObjectsChecksum() {
    String sha256 = Base64.getEncoder().encodeToString(sha256(PDF));
    assertEquals(Optional.of(new StoredObject(17, Optional.of(sha256))),
        head(new RecordingHttpClient(200, Map.of("Content-Length", "17", "x-amz-checksum-sha256", sha256))));
    assertEquals(Optional.of(new StoredObject(17, Optional.empty())),
        head(new RecordingHttpClient(200, Map.of("Content-Length", "17"))), "stored without a checksum");
    assertEquals(Optional.of(new StoredObject(17, Optional.empty())),
        head(new RecordingHttpClient(200, Map.of("Content-Length", "17", "x-amz-checksum-sha256", sha256 + "-3"))),
        "a multipart upload's checksum of part checksums is no digest of the file");
  }

  @Test
  void aHeadAnswered404IsNoObject() {
    assertEquals(Optional.empty(), head(new RecordingHttpClient(404, Map.of())));
  }

  @Test
  void anyOtherRefusalIsAnErrorNamingS3sStatusAndCode() {
    RecordingHttpClient denied = new RecordingHttpClient(403, Map.of()).then(403, Map.of(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
            + "<RequestId>R</RequestId></Error>");
    S3RequestException put = assertThrows(S3RequestException.class,
        () -> objects(ON_AWS, denied, Clock.systemUTC()).put(KEY, "application/pdf", "inline", PDF));
    assertEquals(403, put.statusCode());
    assertEquals("AccessDenied", put.errorCode());
    assertTrue(put.getMessage().contains("403 AccessDenied"), put.getMessage());

    S3RequestException head = assertThrows(S3RequestException.class, () -> head(denied));
    assertEquals(403, head.statusCode());
    assertEquals("", head.errorCode(), "a HEAD's answer has no body to name the error");
    assertThrows(S3RequestException.class, () -> objects(ON_AWS, new RecordingHttpClient(404, Map.of()),
        Clock.systemUTC()).delete(KEY), "a DELETE answered 404 (no such bucket) is an error: a missing key gets 204");
  }

  @Test
  void s3sOwnFailuresAreTriedAgainUpToThreeTimes() {
    RecordingHttpClient busy = new RecordingHttpClient(204, Map.of())
        .then(503, Map.of(), "<Error><Code>SlowDown</Code></Error>");
    objects(ON_AWS, busy, Clock.systemUTC()).delete(KEY);
    assertEquals(2, busy.sent().size());

    RecordingHttpClient broken = new RecordingHttpClient(500, Map.of());
    S3RequestException error = assertThrows(S3RequestException.class,
        () -> objects(ON_AWS, broken, Clock.systemUTC()).delete(KEY));
    assertEquals(500, error.statusCode());
    assertEquals(3, broken.sent().size());
  }

  /**
   * Sends one operation with the S3 client and with ours (at the S3 client's signing time) and
   * compares the requests: equal but for the S3 client's bookkeeping headers and the signature
   * over them; and our signing of the S3 client's request reproduces its signature.
   */
  private static Sent assertSentAsTheS3ClientSends(Optional<URI> endpoint, Consumer<S3Client> theirs,
      Consumer<S3Objects> ours) {
    Map<String, String> answer = Map.of("Content-Length", "17");
    RecordingHttpClient theirHttp = new RecordingHttpClient(200, answer);
    var builder = S3Client.builder().region(Region.of(config(endpoint).region())).credentialsProvider(CREDENTIALS)
        .httpClient(theirHttp).forcePathStyle(endpoint.isPresent());
    endpoint.ifPresent(builder::endpointOverride);
    try (S3Client s3 = builder.build()) {
      theirs.accept(s3);
    }
    Sent their = theirHttp.only();
    Instant signedAt = LocalDateTime.parse(their.request().firstMatchingHeader("X-Amz-Date").orElseThrow(), AMZ_DATE)
        .toInstant(ZoneOffset.UTC);

    RecordingHttpClient ourHttp = new RecordingHttpClient(200, answer);
    ours.accept(objects(endpoint, ourHttp, Clock.fixed(signedAt, ZoneOffset.UTC)));
    Sent our = ourHttp.only();

    assertEquals(their.request().method(), our.request().method());
    assertEquals(their.request().getUri(), our.request().getUri());
    assertEquals(headers(their.request(), true), headers(our.request(), true));
    assertArrayEquals(their.body(), our.body());

    SdkHttpRequest unsigned = their.request().toBuilder().removeHeader("Authorization").build();
    SdkHttpRequest resigned = new S3Requests(CREDENTIALS, config(endpoint)).sign(unsigned, signedAt);
    assertEquals(headers(their.request(), false), headers(resigned, false));
    assertEquals(their.request().getUri(), resigned.getUri());
    return our;
  }

  /** Headers by lower-case name; without the S3 client's bookkeeping (and the signature over it) if asked. */
  private static Map<String, List<String>> headers(SdkHttpRequest request, boolean withoutBookkeeping) {
    Map<String, List<String>> headers = new TreeMap<>();
    request.forEachHeader((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!withoutBookkeeping || !(SDK_BOOKKEEPING.contains(lower) || lower.equals("authorization"))) {
        headers.put(lower, values);
      }
    });
    return headers;
  }

  private static Optional<StoredObject> head(RecordingHttpClient http) {
    return objects(ON_AWS, http, Clock.systemUTC()).head(KEY);
  }

  private static S3Objects objects(Optional<URI> endpoint, RecordingHttpClient http, Clock clock) {
    return new S3Objects(http, CREDENTIALS, config(endpoint), clock);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

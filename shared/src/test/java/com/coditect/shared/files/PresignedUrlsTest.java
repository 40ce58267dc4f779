package com.coditect.shared.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned URLs are signed without the S3 client module; they must be exactly the URLs (and,
 * for a PUT, the headers) S3's own presigner makes for the same request, on AWS and on moto.
 */
class PresignedUrlsTest {

  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
  static final Optional<URI> ON_AWS = Optional.empty();
  static final Optional<URI> ON_MOTO = Optional.of(URI.create("http://127.0.0.1:5000"));
  private static final String KEY = "tenants/01a2151b-34f9-7361-a151-2e037e305cdf/audit/reports/01a2151b-3833-72ac.pdf";
  private static final String DISPOSITION =
      "attachment; filename=\"notes _ 1.txt\"; filename*=UTF-8''notes%20%C3%BC%201.txt";
  private static final String SHA256 = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";

  @Test
  void onAwsAGetIsVirtualHostedAndSignedAsS3SignsIt() {
    assertGetAsS3Presigns(ON_AWS, KEY);
  }

  @Test
  void againstAnEndpointOverrideAGetIsPathStyleAndSignedAsS3SignsIt() {
    assertGetAsS3Presigns(ON_MOTO, KEY);
  }

  @Test
  void keysWithSpacesUnicodeAndSymbolsAreEncodedAsS3Encodes() {
    PresignedRequest ours = urls(ON_AWS, Clock.systemUTC()).get("tenants/t/a report é.pdf", Duration.ofMinutes(5));
    assertTrue(ours.url().getRawPath().endsWith("/a%20report%20%C3%A9.pdf"), ours.url().toString());
    assertGetAsS3Presigns(ON_AWS, "tenants/t/a report é.pdf");
    assertGetAsS3Presigns(ON_MOTO, "tenants/t/star*tilde~plus+percent%=.txt");
  }

  @Test
  void aGetWithAContentDispositionCarriesItSignedAsS3SignsIt() {
    for (Optional<URI> endpoint : List.of(ON_AWS, ON_MOTO)) {
      PresignedRequest ours = assertAsS3Presigns(endpoint,
          presigner -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
              .getObjectRequest(get -> get.bucket(config(endpoint).bucketName()).key(KEY)
                  .responseContentDisposition(DISPOSITION))),
          urls -> urls.get(KEY, Duration.ofMinutes(5), DISPOSITION));
      assertEquals(DISPOSITION, query(ours, "response-content-disposition"));
    }
  }

  @Test
  void aPutIsSignedOverTypeLengthAndChecksumAsS3SignsIt() {
    for (Optional<URI> endpoint : List.of(ON_AWS, ON_MOTO)) {
      PresignedRequest ours = assertAsS3Presigns(endpoint,
          presigner -> presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(15))
              .putObjectRequest(put -> put.bucket(config(endpoint).bucketName()).key(KEY)
                  .contentType("text/plain").contentLength(31L).checksumSHA256(SHA256))),
          urls -> urls.put(KEY, "text/plain", 31, SHA256, Duration.ofMinutes(15)));
      assertEquals("content-length;content-type;host;x-amz-checksum-sha256", query(ours, "X-Amz-SignedHeaders"));
      assertEquals("900", query(ours, "X-Amz-Expires"));
    }
  }

  @Test
  void theExpiryIsTheSigningTimePlusTheLifetime() {
    Instant now = Instant.parse("2026-03-01T10:15:30.250Z");
    PresignedUrls urls = urls(ON_AWS, Clock.fixed(now, ZoneOffset.UTC));
    PresignedRequest put = urls.put(KEY, "application/pdf", 10, SHA256, Duration.ofMinutes(15));
    assertEquals(now.plus(Duration.ofMinutes(15)), put.expiresAt());
    assertEquals("20260301T101530Z", query(put, "X-Amz-Date"));
    assertEquals(Map.of(), urls.get(KEY, Duration.ofMinutes(5)).headers(), "a GET needs no headers");
  }

  private static void assertGetAsS3Presigns(Optional<URI> endpoint, String key) {
    PresignedRequest ours = assertAsS3Presigns(endpoint,
        presigner -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
            .getObjectRequest(get -> get.bucket(config(endpoint).bucketName()).key(key))),
        urls -> urls.get(key, Duration.ofMinutes(5)));
    assertEquals("300", query(ours, "X-Amz-Expires"));
  }

  /**
   * Presigns with S3's presigner and with ours. Both sign with the current time, so this retries
   * until both land in the same second. The URLs must be equal, and so must the headers the
   * client is told to send (the presigner's signed headers without Host).
   */
  private static PresignedRequest assertAsS3Presigns(Optional<URI> endpoint,
      Function<S3Presigner, software.amazon.awssdk.awscore.presigner.PresignedRequest> theirs,
      Function<PresignedUrls, PresignedRequest> ours) {
    var builder = S3Presigner.builder().region(Region.of(config(endpoint).region())).credentialsProvider(CREDENTIALS)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
    endpoint.ifPresent(builder::endpointOverride);
    try (S3Presigner presigner = builder.build()) {
      PresignedUrls urls = urls(endpoint, Clock.systemUTC());
      software.amazon.awssdk.awscore.presigner.PresignedRequest their = null;
      PresignedRequest our = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        their = theirs.apply(presigner);
        our = ours.apply(urls);
        if (query(their.url().toString(), "X-Amz-Date").equals(query(our, "X-Amz-Date"))) {
          break;
        }
      }
      assertEquals(their.url().toString(), our.url().toString());
      Map<String, String> clientHeaders = new LinkedHashMap<>();
      their.httpRequest().headers().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Host")) {
          clientHeaders.put(name, String.join(",", values));
        }
      });
      assertEquals(clientHeaders, our.headers());
      return our;
    }
  }

  private static PresignedUrls urls(Optional<URI> endpoint, Clock clock) {
    return new PresignedUrls(CREDENTIALS, config(endpoint), clock);
  }

  static AppConfig config(Optional<URI> endpoint) {
    return new AppConfig("eu-west-1", "table", "coditect-documents", "bus", "cursor-key", endpoint);
  }

  private static String query(PresignedRequest request, String name) {
    return query(request.url().toString(), name);
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}

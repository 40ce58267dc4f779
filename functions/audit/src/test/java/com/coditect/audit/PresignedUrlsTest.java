package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.files.PresignedUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The audit API signs report download links without the S3 client module ({@link PresignedUrls});
 * they must be exactly the URLs S3's own presigner makes for the same object, on AWS and on moto.
 */
class PresignedUrlsTest {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
  private static final String KEY = "tenants/01a2151b-34f9-7361-a151-2e037e305cdf/audit/reports/01a2151b-3833-72ac.pdf";

  @Test
  void onAwsTheLinkIsVirtualHostedAndSignedAsS3SignsIt() {
    assertSameAsS3Presigner(Optional.empty());
  }

  @Test
  void againstAnEndpointOverrideTheLinkIsPathStyleAndSignedAsS3SignsIt() {
    assertSameAsS3Presigner(Optional.of(URI.create("http://127.0.0.1:5000")));
  }

  @Test
  void keysWithSpacesAndUnicodeAreEncodedAsS3Encodes() {
    AppConfig config = config(Optional.empty());
    URI ours = new PresignedUrls(CREDENTIALS, config).get("tenants/t/a report é.pdf", Duration.ofMinutes(5));
    assertTrue(ours.getRawPath().endsWith("/a%20report%20%C3%A9.pdf"), ours.toString());
    assertSameAsS3Presigner(Optional.empty(), "tenants/t/a report é.pdf");
  }

  private static void assertSameAsS3Presigner(Optional<URI> endpoint) {
    assertSameAsS3Presigner(endpoint, KEY);
  }

  /** Both sign with the current time: retried until both land in the same second. */
  private static void assertSameAsS3Presigner(Optional<URI> endpoint, String key) {
    AppConfig config = config(endpoint);
    var builder = S3Presigner.builder().region(Region.of(config.region())).credentialsProvider(CREDENTIALS)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
    endpoint.ifPresent(builder::endpointOverride);
    try (S3Presigner presigner = builder.build()) {
      PresignedUrls urls = new PresignedUrls(CREDENTIALS, config);
      String theirs = null;
      String ours = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        theirs = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
            .getObjectRequest(get -> get.bucket(config.bucketName()).key(key))).url().toString();
        ours = urls.get(key, Duration.ofMinutes(5)).toString();
        if (amzDate(theirs).equals(amzDate(ours))) {
          break;
        }
      }
      assertEquals(theirs, ours);
      assertTrue(ours.contains("X-Amz-Expires=300"), ours);
    }
  }

  private static String amzDate(String url) {
    int start = url.indexOf("X-Amz-Date=") + "X-Amz-Date=".length();
    return url.substring(start, url.indexOf('&', start));
  }

  private static AppConfig config(Optional<URI> endpoint) {
    return new AppConfig("eu-west-1", "table", "coditect-documents", "bus", "cursor-key", endpoint);
  }
}

package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.files.S3Objects.StoredObject;
import com.coditect.shared.files.S3Objects;
import com.coditect.shared.files.S3RequestException;
import com.coditect.shared.store.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The kernel's signed object requests on moto, read and written back with the S3 client: what one
 * stores the other finds, and S3's answers (absent, refused) mean what they meant through the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ObjectsIT {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  private static final byte[] PDF = "%PDF-1.4 a compliance report".getBytes(StandardCharsets.US_ASCII);

  private final SdkHttpClient http = UrlConnectionHttpClient.create();
  private final S3CallCounter calls = new S3CallCounter(http);
  private AppConfig config;
  private S3Client s3;
  private S3Objects objects;

  @BeforeAll
  void start() {
    config = new AppConfig(AwsTestEnvironment.REGION, "unused", AwsTestEnvironment.BUCKET_NAME, "unused", "unused",
        Optional.of(MotoServer.endpoint()));
    s3 = AwsTestEnvironment.documentsBucket();
    objects = new S3Objects(calls, CREDENTIALS, config, Clock.systemUTC());
  }

  @AfterAll
  void stop() {
    s3.close();
    http.close();
  }

  @Test
  void aPutStoresTheBytesWithTheirTypeAndDisposition() {
    String key = "tenants/" + Ids.newId() + "/audit/reports/" + Ids.newId() + ".pdf";
    calls.reset();
    objects.put(key, "application/pdf", "inline; filename=\"r.pdf\"", PDF);
    assertEquals(List.of("PutObject"), calls.operations());

    // Moto keeps a checksum only when x-amz-sdk-checksum-algorithm names one; S3 keeps the one in
    // x-amz-checksum-sha256, sent as the S3 client sends it (S3ObjectsTest).
    var stored = s3.getObjectAsBytes(b -> b.bucket(config.bucketName()).key(key));
    assertArrayEquals(PDF, stored.asByteArray());
    assertEquals("application/pdf", stored.response().contentType());
    assertEquals("inline; filename=\"r.pdf\"", stored.response().contentDisposition());

    objects.put(key, "application/pdf", "inline", "%PDF again".getBytes(StandardCharsets.US_ASCII));
    assertEquals("%PDF again", s3.getObjectAsBytes(b -> b.bucket(config.bucketName()).key(key)).asUtf8String(),
        "writing a key again replaces the object");
  }

  @Test
  void aHeadFindsTheSizeAndTheChecksumOfAnObjectTheS3ClientStored() {
    String key = "tenants/" + Ids.newId() + "/pm/t/a file é.txt";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromBytes(PDF));
    calls.reset();
    assertEquals(Optional.of(new StoredObject(PDF.length, Optional.of(sha256(PDF)))), objects.head(key));
    assertEquals(List.of("HeadObject"), calls.operations());

    String plain = "tenants/" + Ids.newId() + "/pm/t/plain";
    s3.putObject(b -> b.bucket(config.bucketName()).key(plain), RequestBody.fromString("short"));
    assertEquals(5, objects.head(plain).orElseThrow().sizeBytes());
  }

  @Test
  void aMissingObjectIsAbsentAndDeletingItSucceeds() {
    String key = "tenants/" + Ids.newId() + "/pm/t/never-uploaded";
    assertEquals(Optional.empty(), objects.head(key));
    objects.delete(key);
  }

  @Test
  void aDeleteRemovesTheObject() {
    String key = "tenants/" + Ids.newId() + "/pm/t/gone";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key), RequestBody.fromBytes(PDF));
    objects.delete(key);
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(config.bucketName()).key(key)));
    assertEquals(Optional.empty(), objects.head(key));
  }

  @Test
  void aPutIntoAMissingBucketIsAnErrorNamingS3sCode() {
    AppConfig noBucket = new AppConfig(config.region(), "unused", "no-such-bucket-" + Ids.newId(), "unused", "unused",
        config.awsEndpoint());
    S3RequestException error = assertThrows(S3RequestException.class,
        () -> new S3Objects(http, CREDENTIALS, noBucket, Clock.systemUTC())
            .put("a/b.pdf", "application/pdf", "inline", PDF));
    assertEquals(404, error.statusCode());
    assertEquals("NoSuchBucket", error.errorCode());
    assertTrue(error.getMessage().contains("404 NoSuchBucket"), error.getMessage());
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

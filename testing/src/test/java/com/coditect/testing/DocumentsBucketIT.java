package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.files.DocumentsBucket.StoredObject;
import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.store.Ids;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The documents bucket through the SDK's S3 client and presigner, as the functions wire them, on
 * moto: what a presigned PUT uploads a HEAD finds with its SHA-256, what the client stores keeps its
 * SHA-256, and every URL is signed with credentials from the container endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsBucketIT {

  private static final byte[] PDF = "%PDF-1.4 a compliance report".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern CREDENTIAL = Pattern.compile("X-Amz-Credential=([A-Z0-9]+)(%2F|/)");

  private final S3CallCounter calls = new S3CallCounter();
  private final HttpClient http = HttpClient.newHttpClient();
  private AppConfig config;
  private S3Client s3;
  private DocumentsBucket bucket;

  @BeforeAll
  void start() {
    config = new AppConfig(AwsTestEnvironment.REGION, "unused", AwsTestEnvironment.BUCKET_NAME, "unused", "unused",
        Optional.of(MotoServer.endpoint()));
    s3 = AwsTestEnvironment.documentsBucket();
    bucket = DaggerFilesComponent.factory().create(config, TestInterceptors.of(calls)).documentsBucket();
  }

  @AfterAll
  void stop() {
    s3.close();
  }

  @Test
  void aPresignedPutSignsTypeLengthAndChecksumAndAHeadFindsThem() throws Exception {
    String key = "tenants/" + Ids.newId() + "/pm/t/a file é.txt";
    calls.reset();
    PresignedRequest put = bucket.presignPut(key, "text/plain", PDF.length, sha256(PDF), Duration.ofMinutes(15));
    assertEquals(List.of(), calls.operations(), "presigning is local computation");
    assertEquals(Map.of("Content-Type", "text/plain", "Content-Length", String.valueOf(PDF.length),
        "x-amz-checksum-sha256", sha256(PDF)), put.headers());
    String query = URLDecoder.decode(put.url().getRawQuery(), StandardCharsets.UTF_8);
    assertTrue(query.contains("X-Amz-SignedHeaders=content-length;content-type;host;x-amz-checksum-sha256"), query);
    assertTrue(Duration.between(Instant.now(), put.expiresAt()).compareTo(Duration.ofMinutes(14)) > 0);
    assertSignedByTheContainerEndpoint(put);

    assertEquals(200, upload(put, PDF).statusCode());
    // Moto keeps no checksum of a presigned upload (S3 keeps the signed one); the size it has.
    assertEquals(PDF.length, bucket.head(key).orElseThrow().sizeBytes());
    assertEquals(List.of("HeadObject"), calls.operations());
  }

  @Test
  void aHeadFindsTheSizeAndSha256OfAStoredObject() {
    String key = "tenants/" + Ids.newId() + "/pm/t/stored";
    bucket.put(key, "text/plain", "inline", PDF);
    calls.reset();
    assertEquals(Optional.of(new StoredObject(PDF.length, Optional.of(sha256(PDF)))), bucket.head(key));
    assertEquals(List.of("HeadObject"), calls.operations());
  }

  @Test
  void aPresignedGetDownloadsUnderTheGivenDisposition() throws Exception {
    String key = "tenants/" + Ids.newId() + "/audit/reports/r.pdf";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key), RequestBody.fromBytes(PDF));
    PresignedRequest get = bucket.presignGet(key, Duration.ofMinutes(5), "attachment; filename=\"r.pdf\"");
    assertEquals(Map.of(), get.headers());
    assertSignedByTheContainerEndpoint(get);
    // Moto ignores response-content-disposition; S3 answers with it, so the signed URL must carry it.
    assertTrue(URLDecoder.decode(get.url().getRawQuery(), StandardCharsets.UTF_8)
        .contains("response-content-disposition=attachment; filename=\"r.pdf\""), get.url().toString());
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(get.url()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertArrayEquals(PDF, response.body());
  }

  @Test
  void aPutStoresTheBytesWithTypeDispositionAndSha256() {
    String key = "tenants/" + Ids.newId() + "/audit/reports/" + Ids.newId() + ".pdf";
    calls.reset();
    bucket.put(key, "application/pdf", "inline; filename=\"r.pdf\"", PDF);
    assertEquals(List.of("PutObject"), calls.operations());

    var stored = s3.getObjectAsBytes(b -> b.bucket(config.bucketName()).key(key).checksumMode(ChecksumMode.ENABLED));
    assertArrayEquals(PDF, stored.asByteArray());
    assertEquals("application/pdf", stored.response().contentType());
    assertEquals("inline; filename=\"r.pdf\"", stored.response().contentDisposition());
    assertEquals(sha256(PDF), stored.response().checksumSHA256(), "the object keeps its SHA-256");

    bucket.put(key, "application/pdf", "inline", "%PDF again".getBytes(StandardCharsets.US_ASCII));
    assertEquals("%PDF again", s3.getObjectAsBytes(b -> b.bucket(config.bucketName()).key(key)).asUtf8String(),
        "writing a key again replaces the object");
  }

  @Test
  void aMissingObjectIsAbsentAndDeletingItSucceeds() {
    String key = "tenants/" + Ids.newId() + "/pm/t/never-uploaded";
    assertEquals(Optional.empty(), bucket.head(key));
    bucket.delete(key);
  }

  @Test
  void aHeadRefusedAs403ReadsAsAbsentWhenTheKeyIsNotListed() {
    // S3, to a caller that may list only under a prefix, answers a HEAD of a missing key 403 (moto 404).
    FilesComponent.S3Answers likeS3 = new FilesComponent.S3Answers() {
      @Override
      public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        boolean head = "HeadObject".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        return head && context.httpResponse().statusCode() == 404
            ? context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build()
            : context.httpResponse();
      }
    };
    S3CallCounter counted = new S3CallCounter();
    DocumentsBucket restricted = DaggerFilesComponent.factory().create(config, TestInterceptors.of(counted, likeS3))
        .documentsBucket();
    String key = "tenants/" + Ids.newId() + "/pm/t/not-yet";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key + "-other"), RequestBody.fromBytes(PDF));

    assertEquals(Optional.empty(), restricted.head(key));
    assertEquals(List.of("HeadObject", "ListObjectsV2"), counted.operations());
  }

  @Test
  void aHeadRefusedAs403ForAListedKeyIsARealRefusal() {
    FilesComponent.S3Answers refused = new FilesComponent.S3Answers() {
      @Override
      public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        boolean head = "HeadObject".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        return head ? context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build()
            : context.httpResponse();
      }
    };
    DocumentsBucket denied = DaggerFilesComponent.factory().create(config, TestInterceptors.of(refused))
        .documentsBucket();
    String key = "tenants/" + Ids.newId() + "/pm/t/there";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key), RequestBody.fromBytes(PDF));

    assertEquals(403, assertThrows(S3Exception.class, () -> denied.head(key)).statusCode());
  }

  @Test
  void aDeleteRemovesTheObject() {
    String key = "tenants/" + Ids.newId() + "/pm/t/gone";
    s3.putObject(b -> b.bucket(config.bucketName()).key(key), RequestBody.fromBytes(PDF));
    calls.reset();
    bucket.delete(key);
    assertEquals(List.of("DeleteObject"), calls.operations());
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(config.bucketName()).key(key)));
  }

  @Test
  void aPutIntoAMissingBucketFailsWithS3sError() {
    AppConfig noBucket = new AppConfig(config.region(), "unused", "no-such-bucket-" + Ids.newId(), "unused",
        "unused", config.awsEndpoint());
    DocumentsBucket missing = DaggerFilesComponent.factory().create(noBucket, TestInterceptors.none()).documentsBucket();
    assertThrows(NoSuchBucketException.class, () -> missing.put("a/b.pdf", "application/pdf", "inline", PDF));
  }

  private HttpResponse<String> upload(PresignedRequest put, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(put.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    // Java's client sets Content-Length (a restricted header) from the body itself.
    put.headers().forEach((name, value) -> {
      if (!Set.of("content-length").contains(name.toLowerCase())) {
        request.header(name, value);
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertSignedByTheContainerEndpoint(PresignedRequest request) {
    Matcher credential = CREDENTIAL.matcher(request.url().getRawQuery());
    assertTrue(credential.find(), request.url().toString());
    assertTrue(ContainerCredentialsEndpoint.installForThisJvm().issued(credential.group(1)),
        "signed with a key the container endpoint issued: " + credential.group(1));
    assertTrue(request.url().getRawQuery().contains("X-Amz-Security-Token="), "a session's token goes along");
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package com.coditect.shared.files;

import com.coditect.shared.config.AppConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests for objects of the documents bucket, addressed and SigV4-signed as the S3 client does
 * (with the SDK's signer from {@code http-auth-aws}, which every SDK client already ships). It
 * lets a function presign URLs and send its few object requests without the S3 client module,
 * over 4 MB of a jar.
 */
final class S3Requests {

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsProvider credentials;
  private final AppConfig config;

  S3Requests(AwsCredentialsProvider credentials, AppConfig config) {
    this.credentials = credentials;
    this.config = config;
  }

  /** An unsigned request of {@code method} on the object at {@code key}. */
  SdkHttpRequest.Builder object(SdkHttpMethod method, String key) {
    return SdkHttpRequest.builder().method(method).uri(objectUri(key));
  }

  /** The request with its signature in the query string, valid for {@code lifetime} from {@code signedAt}. */
  SdkHttpRequest presign(SdkHttpRequest request, Duration lifetime, Instant signedAt) {
    return sign(request, signedAt, AwsV4HttpSigner.AuthLocation.QUERY_STRING, lifetime);
  }

  /**
   * The request with its signature in the Authorization header. The payload is not part of the
   * signature (UNSIGNED-PAYLOAD, as the S3 client sends over HTTPS): a body's integrity is the
   * job of the checksum header S3 verifies.
   */
  SdkHttpRequest sign(SdkHttpRequest request, Instant signedAt) {
    return sign(request, signedAt, AwsV4HttpSigner.AuthLocation.HEADER, null);
  }

  private SdkHttpRequest sign(SdkHttpRequest request, Instant signedAt, AwsV4HttpSigner.AuthLocation location,
      Duration lifetime) {
    SignRequest.Builder<AwsCredentialsIdentity> sign =
        SignRequest.<AwsCredentialsIdentity>builder(credentials.resolveCredentials()).request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, config.region())
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, location)
        // S3 signs the path as sent: no second encoding, no dot-segment normalisation.
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
    if (lifetime != null) {
      sign.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, lifetime);
    }
    return signer.sign(sign.build()).request();
  }

  /**
   * Virtual-hosted on AWS; path-style against an endpoint override (moto serves every bucket on
   * one host). Each key segment is percent-encoded as S3 and the SDK expect (RFC 3986: a space is
   * %20, not +; {@code *} is encoded, {@code ~} is not), else the signature would not match.
   */
  private URI objectUri(String key) {
    StringBuilder path = new StringBuilder();
    for (String segment : key.split("/", -1)) {
      path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8)
          .replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));
    }
    String bucket = config.bucketName();
    return config.awsEndpoint()
        .map(endpoint -> URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + path))
        .orElseGet(() -> URI.create("https://" + bucket + ".s3." + config.region() + ".amazonaws.com" + path));
  }
}

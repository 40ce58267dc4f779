package com.coditect.shared.files;

import com.coditect.shared.config.AppConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Presigned GET URLs of objects in the documents bucket, signed with the SDK's SigV4 signer (the
 * {@code http-auth-aws} module every SDK client already ships). A function that only hands out
 * download links thus needs no S3 client module, which is over 4 MB of its jar. Signing is local
 * computation: no call.
 */
@Singleton
public final class PresignedUrls {

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsProvider credentials;
  private final AppConfig config;

  @Inject
  public PresignedUrls(AwsCredentialsProvider credentials, AppConfig config) {
    this.credentials = credentials;
    this.config = config;
  }

  /** A GET of {@code key} valid for {@code lifetime}, signed as S3's presigner signs it. */
  public URI get(String key, Duration lifetime) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(objectUri(key)).build();
    return signer.sign(sign -> sign.identity(credentials.resolveCredentials()).request(request)
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
            .putProperty(AwsV4HttpSigner.REGION_NAME, config.region())
            .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, lifetime)
            // S3 signs the path as sent and does not sign the (absent) body of a GET.
            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
        .request().getUri();
  }

  /**
   * Virtual-hosted on AWS; path-style against an endpoint override (moto serves every bucket on
   * one host). Each key segment is percent-encoded as S3 expects (a space is %20, not +).
   */
  private URI objectUri(String key) {
    StringBuilder path = new StringBuilder();
    for (String segment : key.split("/", -1)) {
      path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    String bucket = config.bucketName();
    return config.awsEndpoint()
        .map(endpoint -> URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket + path))
        .orElseGet(() -> URI.create("https://" + bucket + ".s3." + config.region() + ".amazonaws.com" + path));
  }
}

package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner of the functions that store or hand out files. Both sign with the
 * function's one credentials provider; against moto (an endpoint override) they address buckets
 * path-style, as moto serves every bucket on one host.
 */
@Module(includes = AwsClientsModule.class)
public final class S3Module {

  private S3Module() {}

  @Provides
  @Singleton
  static S3Client s3(AwsClientSettings settings, AppConfig config) {
    return settings.applyTo(S3Client.builder()).forcePathStyle(config.awsEndpoint().isPresent()).build();
  }

  /** Presigning is local computation (no call), so the presigner needs no HTTP client. */
  @Provides
  @Singleton
  static S3Presigner presigner(AppConfig config, AwsCredentialsProvider credentials) {
    var builder = S3Presigner.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials);
    config.awsEndpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return builder.build();
  }
}

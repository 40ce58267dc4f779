package com.coditect.audit;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.AwsClientsModule;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The S3 client that stores the compliance report PDFs, with the DynamoDB client's HTTP client and credentials. */
@Module(includes = AwsClientsModule.class)
public final class ReportStorageModule {

  private ReportStorageModule() {}

  @Provides
  @Singleton
  static S3Client s3(AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials) {
    var builder = S3Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .serviceConfiguration(serviceConfiguration(config));
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Path-style against an endpoint override (moto serves every bucket on one host); virtual-hosted on AWS. */
  private static S3Configuration serviceConfiguration(AppConfig config) {
    return S3Configuration.builder().pathStyleAccessEnabled(config.awsEndpoint().isPresent()).build();
  }
}

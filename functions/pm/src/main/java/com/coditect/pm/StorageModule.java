package com.coditect.pm;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.PmConfig;
import com.coditect.shared.di.AwsClientsModule;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import java.util.List;
import java.util.Set;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 clients of task attachments and the attachment limits, built once per instance with the
 * same HTTP client and credentials as the DynamoDB client.
 */
@Module(includes = AwsClientsModule.class)
public abstract class StorageModule {

  /** Interceptors on the S3 client only (tests count S3 calls apart from DynamoDB's); none in production. */
  public static final String S3_INTERCEPTORS = "s3";

  @Multibinds
  @Named(S3_INTERCEPTORS)
  abstract Set<ExecutionInterceptor> s3Interceptors();

  @Provides
  @Singleton
  static S3Client s3(AppConfig config, SdkHttpClient http, AwsCredentialsProvider credentials,
      @Named(S3_INTERCEPTORS) Set<ExecutionInterceptor> interceptors) {
    var builder = S3Client.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .serviceConfiguration(serviceConfiguration(config))
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .executionInterceptors(List.copyOf(interceptors))
            .build());
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Presigning is local computation: no HTTP client, no call. */
  @Provides
  @Singleton
  static S3Presigner presigner(AppConfig config, AwsCredentialsProvider credentials) {
    var builder = S3Presigner.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(serviceConfiguration(config));
    config.awsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Provides
  @Singleton
  static PmConfig pmConfig() {
    return PmConfig.fromEnvironment();
  }

  /**
   * Path-style URLs against an endpoint override (moto serves one host for every bucket);
   * virtual-hosted URLs, AWS's default and future-proof form, against AWS itself.
   */
  private static S3Configuration serviceConfiguration(AppConfig config) {
    return S3Configuration.builder().pathStyleAccessEnabled(config.awsEndpoint().isPresent()).build();
  }
}

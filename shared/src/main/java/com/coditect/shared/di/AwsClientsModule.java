package com.coditect.shared.di;

import com.coditect.shared.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What every SDK client is built with, once per function instance: the light URL-connection HTTP
 * client and explicit credentials, so no provider chain or classpath scan runs at init.
 */
@Module
public abstract class AwsClientsModule {

  /** Interceptors added by tests (a DynamoDB call counter); none in production. */
  @Multibinds
  abstract Set<ExecutionInterceptor> interceptors();

  @Provides
  @Singleton
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create();
  }

  /**
   * Lambda puts the role's credentials in the environment; moto accepts any static pair, which is
   * used only when the config names an endpoint override.
   */
  @Provides
  @Singleton
  static AwsCredentialsProvider credentials(AppConfig config) {
    if (config.awsEndpoint().isPresent()) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }
    return EnvironmentVariableCredentialsProvider.create();
  }
}

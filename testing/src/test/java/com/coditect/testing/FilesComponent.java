package com.coditect.testing;

import com.coditect.shared.config.Secrets;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.files.DocumentsBucket;
import dagger.Component;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The kernel's production wiring of files and secrets, with the test's interceptors (an S3 call
 * counter, {@link S3Answers}): the wiring is the point.
 */
@Singleton
@Component(modules = {PlatformModule.class, S3Module.class, SecretsModule.class, TestInterceptorsModule.class})
interface FilesComponent {

  DocumentsBucket documentsBucket();

  Secrets secrets();

  AwsCredentialsProvider credentials();

  @Component.Factory
  interface Factory extends TestComponentFactory<FilesComponent> {}

  /** Changes what S3 answered, for what moto does not do as S3 does. */
  interface S3Answers extends ExecutionInterceptor {}
}

package com.coditect.testing;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.files.DocumentsBucket;
import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoSet;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The kernel's production wiring of files and secrets, with an S3 call counter: the wiring is the point. */
@Singleton
@Component(modules = {PlatformModule.class, S3Module.class, SecretsModule.class, FilesComponent.Counting.class})
interface FilesComponent {

  DocumentsBucket documentsBucket();

  Secrets secrets();

  AwsCredentialsProvider credentials();

  @Component.Factory
  interface Factory {
    FilesComponent create(@BindsInstance AppConfig config, @BindsInstance S3CallCounter s3Calls,
        @BindsInstance S3Answers answers);
  }

  @Module
  interface Counting {
    @Binds
    @IntoSet
    ExecutionInterceptor s3Calls(S3CallCounter counter);

    @Binds
    @IntoSet
    ExecutionInterceptor s3Answers(S3Answers answers);
  }

  /** Changes what S3 answered, for what moto does not do as S3 does; {@link #AS_SENT} changes nothing. */
  interface S3Answers extends ExecutionInterceptor {
    S3Answers AS_SENT = new S3Answers() {};
  }
}

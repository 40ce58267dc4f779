package com.coditect.shared.di;

import com.coditect.shared.files.S3Objects;
import dagger.Binds;
import dagger.Module;
import javax.inject.Named;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * S3 object requests ({@link S3Objects}) go through the function's one HTTP client. Test
 * components that count S3 calls apart from DynamoDB's bind a counting client under the same
 * name instead of this module.
 */
@Module(includes = AwsClientsModule.class)
public interface S3ObjectsModule {

  @Binds
  @Named(S3Objects.HTTP_CLIENT)
  SdkHttpClient s3HttpClient(SdkHttpClient http);
}

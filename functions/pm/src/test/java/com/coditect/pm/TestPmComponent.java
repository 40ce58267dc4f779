package com.coditect.pm;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/** The PM function's production modules plus the test's interceptors: the wiring is the point of these tests. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, PmModule.class, S3Module.class,
    TestInterceptorsModule.class})
interface TestPmComponent extends PmComponent {

  @Component.Factory
  interface Factory extends TestComponentFactory<TestPmComponent> {}
}

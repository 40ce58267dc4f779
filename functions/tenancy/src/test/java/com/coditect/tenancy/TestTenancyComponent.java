package com.coditect.tenancy;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/** The tenancy function's production modules plus the test's interceptors: the wiring is the point of these tests. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TenancyModule.class,
    TestInterceptorsModule.class})
interface TestTenancyComponent extends TenancyComponent {

  @Component.Factory
  interface Factory extends TestComponentFactory<TestTenancyComponent> {}
}

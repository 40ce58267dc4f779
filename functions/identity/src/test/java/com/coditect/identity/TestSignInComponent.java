package com.coditect.identity;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/** The sign-in trigger's production modules plus the test's interceptors. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SignInComponent.SignInModule.class,
    TestInterceptorsModule.class})
interface TestSignInComponent extends SignInComponent {

  @Component.Factory
  interface Factory extends TestComponentFactory<TestSignInComponent> {}
}

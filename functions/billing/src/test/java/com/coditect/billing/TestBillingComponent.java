package com.coditect.billing;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The billing function's production modules plus the test's interceptors: the wiring is the point
 * of these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, BillingModule.class,
    TestInterceptorsModule.class})
public interface TestBillingComponent extends BillingComponent {

  /** The billing API handler over this wiring (the handler's component constructor is package-private). */
  default BillingHandler handler() {
    return new BillingHandler(this);
  }

  @Component.Factory
  interface Factory extends TestComponentFactory<TestBillingComponent> {}
}

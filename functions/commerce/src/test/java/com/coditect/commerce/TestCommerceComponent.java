package com.coditect.commerce;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.config.TokenConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.di.TokenModule;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestInterceptorsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The commerce function's production modules plus the test's interceptors: the wiring is the point
 * of these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TokenModule.class,
    CommerceModule.class,
    TestInterceptorsModule.class})
public interface TestCommerceComponent extends CommerceComponent {

  /** The commerce API handler over this wiring (the handler's component constructor is package-private). */
  default CommerceHandler handler() {
    return new CommerceHandler(this);
  }

  /** Builds the component against a test environment's config, Stripe settings and interceptors. */
  @Component.Factory
  interface Factory {
    TestCommerceComponent create(@BindsInstance AppConfig config, @BindsInstance StripeConfig stripe,
        @BindsInstance TokenConfig tokens, @BindsInstance TestInterceptors interceptors);
  }
}

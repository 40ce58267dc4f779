package com.coditect.testing;

import com.coditect.shared.config.AppConfig;
import dagger.BindsInstance;

/**
 * The factory of a test component: a function's production modules built from a test environment's
 * config, with the interceptors the test adds. A component's {@code @Component.Factory} extends it
 * with the component as {@code C} and declares nothing more.
 */
public interface TestComponentFactory<C> {

  C create(@BindsInstance AppConfig config, @BindsInstance TestInterceptors interceptors);
}

package com.coditect.dms;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The DMS function's production modules plus the test's interceptors: the wiring is the point of
 * these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, DmsModule.class, S3Module.class,
    TestInterceptorsModule.class})
public interface TestDmsComponent extends DmsComponent {

  /** The DMS API handler over this wiring (the handler's component constructor is package-private). */
  default DmsHandler handler() {
    return new DmsHandler(this);
  }

  /** The activity service, for its per-user list, which no route serves (API.md's paths are fixed). */
  com.coditect.dms.domain.ActivityService activityService();

  @Component.Factory
  interface Factory extends TestComponentFactory<TestDmsComponent> {}
}

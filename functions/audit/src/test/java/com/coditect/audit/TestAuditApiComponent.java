package com.coditect.audit;

import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.S3Module;
import com.coditect.shared.di.SecretsModule;
import com.coditect.testing.TestComponentFactory;
import com.coditect.testing.TestInterceptorsModule;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The production modules of the audit API (and of the report generator, which has the same) plus
 * the test's interceptors.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, AuditModule.class, S3Module.class,
    TestInterceptorsModule.class})
interface TestAuditApiComponent extends AuditApiComponent, ReportGeneratorComponent {

  @Component.Factory
  interface Factory extends TestComponentFactory<TestAuditApiComponent> {}
}

package com.coditect.tenancy;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.tenancy.domain.MembershipCleanup;
import com.coditect.tenancy.domain.StorageUsage;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the tenancy function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TenancyModule.class})
public interface TenancyComponent {

  TenantRoutes tenantRoutes();

  UserRoutes userRoutes();

  TeamRoutes teamRoutes();

  ProjectRoutes projectRoutes();

  OpenApiRoutes openApiRoutes();

  MembershipCleanup membershipCleanup();

  StorageUsage storageUsage();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    TenancyComponent create(@BindsInstance AppConfig config);
  }
}

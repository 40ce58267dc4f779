package com.coditect.tenancy;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.http.Idempotency;
import com.coditect.tenancy.domain.MembershipCleanup;
import com.coditect.tenancy.domain.ProjectService;
import com.coditect.tenancy.domain.TeamService;
import com.coditect.tenancy.domain.TenantService;
import com.coditect.tenancy.domain.UserService;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Lazy;
import javax.inject.Singleton;

/** Wiring of the tenancy function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, TenancyModule.class})
public interface TenancyComponent {

  Lazy<TenantService> tenants();

  Lazy<UserService> users();

  Lazy<TeamService> teams();

  Lazy<ProjectService> projects();

  MembershipCleanup membershipCleanup();

  Idempotency idempotency();

  Lazy<OpenApiDocument> openApi();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    TenancyComponent create(@BindsInstance AppConfig config);
  }
}

package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.tenancy.domain.MembershipCleanup;
import com.coditect.tenancy.domain.ProjectService;
import com.coditect.tenancy.domain.StorageUsage;
import com.coditect.tenancy.domain.TeamService;
import com.coditect.tenancy.domain.TenantService;
import com.coditect.tenancy.domain.UserService;
import com.coditect.testing.CountingLazy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenancy builds no service at init, and every service when SnapStart primes it. */
class TenancyHandlerPrimingTest {

  private final CountingLazy<TenantService> tenants = new CountingLazy<>(null);
  private final CountingLazy<UserService> users = new CountingLazy<>(null);
  private final CountingLazy<TeamService> teams = new CountingLazy<>(null);
  private final CountingLazy<ProjectService> projects = new CountingLazy<>(null);
  private final CountingLazy<OpenApiDocument> openApi = new CountingLazy<>(null);

  @Test
  void buildsNoServiceAtInitAndEveryServiceWhenPrimed() {
    TenancyHandler handler = new TenancyHandler(new TenancyComponent() {
      @Override public TenantRoutes tenantRoutes() { return new TenantRoutes(tenants, null); }
      @Override public UserRoutes userRoutes() { return new UserRoutes(users, null); }
      @Override public TeamRoutes teamRoutes() { return new TeamRoutes(teams, null); }
      @Override public ProjectRoutes projectRoutes() { return new ProjectRoutes(projects, null); }
      @Override public OpenApiRoutes openApiRoutes() { return new OpenApiRoutes(openApi); }
      @Override public MembershipCleanup membershipCleanup() { return null; }
      @Override public StorageUsage storageUsage() { return null; }
    });
    List<CountingLazy<?>> services = List.of(tenants, users, teams, projects, openApi);
    services.forEach(service -> assertEquals(0, service.gets()));

    handler.priming().beforeCheckpoint(null);
    services.forEach(service -> assertEquals(1, service.gets()));
  }
}

package com.coditect.tenancy;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.tenancy.api.CreateTenantRequest;
import com.coditect.tenancy.api.UpdateTenantRequest;
import com.coditect.tenancy.domain.TenantService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The tenant routes: platform administrators create tenants; every user reads their own; owners
 * and admins change it, and the billing role its billing fields (a rule of the service).
 */
@Singleton
final class TenantRoutes implements RouteGroup {

  private final Lazy<TenantService> tenants;
  private final Idempotency idempotency;

  @Inject
  TenantRoutes(Lazy<TenantService> tenants, Idempotency idempotency) {
    this.tenants = tenants;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    tenants.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("POST /v1/tenants", Access.PLATFORM_ADMINS, this::create)
        .route("GET /v1/tenant", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/tenant", Access.BILLING, this::update);
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateTenantRequest body = CreateTenantRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> tenants.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(tenants.get().get(caller));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateTenantRequest body = UpdateTenantRequest.from(request.jsonBody());
    return ApiResponse.versioned(tenants.get().update(caller, request.ifMatchVersion(), body));
  }
}

package com.coditect.shared.tenancy;

import com.coditect.shared.events.Actor;
import com.coditect.shared.http.ApiRequest;

/**
 * Who is calling, as one value: the verified {@link Principal} (user, tenant, role) and the
 * {@link Actor} the audit trail records (user, address, agent, method, path). The dispatcher builds
 * it once per request after the route table let the principal through; routes and services take it
 * instead of a tenant, an actor and a principal travelling side by side.
 */
public record Caller(Principal principal, Actor actor) {

  public static Caller of(ApiRequest request, Principal principal) {
    return new Caller(principal, Actor.of(request, principal));
  }

  /** The caller's tenant: every key the request touches starts with it. 401 without one. */
  public TenantId tenantId() {
    return principal.tenantId();
  }

  public String userId() {
    return principal.userId();
  }

  /** The caller's role in their tenant, for rules that depend on the data ("author or admin"). */
  public Role role() {
    return principal.tenantRole();
  }

  public boolean isAdmin() {
    return role().isAdmin();
  }
}

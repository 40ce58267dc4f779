package com.coditect.shared.tenancy;

import com.coditect.shared.error.ForbiddenException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call a route: the tenant roles it allows, or platform administrators. Each route declares
 * its access where it is routed (its function's route table), and the dispatcher checks it before
 * any route or service code runs. Rules that depend on the data ("the author or an admin") stay in
 * the services.
 *
 * @param roles the tenant roles allowed (empty for a platform-admin route)
 * @param platformAdmin whether the route is for platform administrators, who need no tenant
 */
public record Access(Set<Role> roles, boolean platformAdmin) {

  /** Every user of a tenant, whatever their role. */
  public static final Access ANY_ROLE = of(Role.values());
  /** Owners and admins: the tenant's users, teams and settings. */
  public static final Access ADMINS = of(Role.OWNER, Role.ADMIN);
  /** Owners, admins and members: who create and change work items. */
  public static final Access CONTRIBUTORS = of(Role.OWNER, Role.ADMIN, Role.MEMBER);
  /** Owners, admins and auditors: the audit log, its reviews and compliance reports. */
  public static final Access AUDITORS = of(Role.OWNER, Role.ADMIN, Role.AUDITOR);
  /** Owners, admins and the billing role: the tenant's billing details, payments and subscriptions. */
  public static final Access BILLING = of(Role.OWNER, Role.ADMIN, Role.BILLING);
  /** Platform administrators only (their tokens need no tenant). */
  public static final Access PLATFORM_ADMINS = new Access(Set.of(), true);
  /** The name of platform administrators in {@link #names()}: not a tenant role. */
  public static final String PLATFORM_ADMIN = "platform_admin";

  public Access {
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    if (platformAdmin == !roles.isEmpty()) {
      throw new IllegalArgumentException("a route is for tenant roles or for platform administrators");
    }
  }

  /** A route for users of a tenant with one of {@code roles}. */
  public static Access of(Role... roles) {
    return new Access(Set.of(roles), false);
  }

  /**
   * Lets {@code principal} through or refuses it: 401 for a token without a tenant or role where
   * a tenant route needs one, 403 for a role (or a non-administrator) the route does not allow.
   */
  public void check(Principal principal) {
    if (platformAdmin) {
      principal.requirePlatformAdmin();
      return;
    }
    Role role = principal.tenantRole();
    if (!roles.contains(role)) {
      throw new ForbiddenException("Your role (" + role.apiName() + ") may not do this; only "
          + String.join(", ", names()) + " may.");
    }
  }

  /** Who may call, as the OpenAPI document lists it ({@code x-roles}), in role order. */
  public List<String> names() {
    return platformAdmin ? List.of(PLATFORM_ADMIN) : roles.stream().map(Role::apiName).toList();
  }

}

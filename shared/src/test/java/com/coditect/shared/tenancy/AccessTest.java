package com.coditect.shared.tenancy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.UnauthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

  private static final String TENANT = "0191d3f2-7a00-7000-8000-000000000001";

  private static Principal as(String role) {
    return Principal.fromClaims(Map.of("sub", "u", "custom:tenant_id", TENANT, "custom:role", role)).orElseThrow();
  }

  private static final Principal PLATFORM_ADMIN =
      Principal.fromClaims(Map.of("sub", "root", "custom:platform_admin", "true")).orElseThrow();

  @Test
  void eachSetLetsThroughExactlyItsRoles() {
    Map<Access, Set<String>> expected = Map.of(
        Access.ANY_ROLE, Set.copyOf(Role.NAMES),
        Access.ADMINS, Set.of("owner", "admin"),
        Access.CONTRIBUTORS, Set.of("owner", "admin", "member"),
        Access.AUDITORS, Set.of("owner", "admin", "auditor"),
        Access.of(Role.OWNER, Role.ADMIN, Role.BILLING), Set.of("owner", "admin", "billing"));
    expected.forEach((access, allowed) -> {
      for (String role : Role.NAMES) {
        if (allowed.contains(role)) {
          assertDoesNotThrow(() -> access.check(as(role)), role + " through " + access.names());
        } else {
          assertThrows(ForbiddenException.class, () -> access.check(as(role)), role + " refused by " + access.names());
        }
      }
    });
  }

  @Test
  void aTenantRouteNeedsATenantAndAPlatformRouteAPlatformAdministrator() {
    assertThrows(UnauthorizedException.class, () -> Access.ANY_ROLE.check(PLATFORM_ADMIN));
    assertDoesNotThrow(() -> Access.PLATFORM_ADMINS.check(PLATFORM_ADMIN));
    assertThrows(ForbiddenException.class, () -> Access.PLATFORM_ADMINS.check(as("owner")));
  }

  @Test
  void namesAreTheDocumentsRoleNamesInRoleOrder() {
    assertEquals(List.of("owner", "admin", "billing"), Access.of(Role.BILLING, Role.OWNER, Role.ADMIN).names());
    assertEquals(List.of("platform_admin"), Access.PLATFORM_ADMINS.names());
  }

  @Test
  void aRouteIsForTenantRolesOrForPlatformAdministrators() {
    assertThrows(IllegalArgumentException.class, () -> Access.of());
    assertThrows(IllegalArgumentException.class, () -> new Access(Set.of(Role.OWNER), true));
  }
}

package com.coditect.shared.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.UnauthorizedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  private static final String TENANT = "0191d3f2-7a00-7000-8000-000000000001";

  @Test
  void readsTenantAndRoleFromVerifiedClaims() {
    Principal p = Principal.fromClaims(Map.of("sub", "u1", "custom:tenant_id", TENANT, "custom:role", "admin"))
        .orElseThrow();
    assertEquals(TENANT, p.tenantId().value());
    assertEquals(Role.ADMIN, p.tenantRole());
  }

  @Test
  void platformUserIdClaimWinsOverCognitoSubject() {
    Principal p = Principal.fromClaims(Map.of("sub", "cognito-sub", "custom:user_id", "u-42",
        "custom:tenant_id", TENANT, "custom:role", "member")).orElseThrow();
    assertEquals("u-42", p.userId());
  }

  @Test
  void tokensWithoutTenantOrRoleAuthenticateNobody() {
    assertTrue(Principal.fromClaims(Map.of("sub", "u1", "custom:role", "admin")).isEmpty());
    assertTrue(Principal.fromClaims(Map.of("sub", "u1", "custom:tenant_id", TENANT)).isEmpty());
    assertTrue(Principal.fromClaims(Map.of("sub", "u1", "custom:tenant_id", "acme", "custom:role", "admin")).isEmpty());
    assertTrue(Principal.fromClaims(Map.of("sub", "u1", "custom:tenant_id", TENANT, "custom:role", "god")).isEmpty());
    assertTrue(Principal.fromClaims(Map.of("custom:tenant_id", TENANT, "custom:role", "admin")).isEmpty());
  }

  @Test
  void platformAdminNeedsNoTenantButCannotActInOne() {
    Principal admin = Principal.fromClaims(Map.of("sub", "root", "custom:platform_admin", "true")).orElseThrow();
    admin.requirePlatformAdmin();
    assertThrows(UnauthorizedException.class, admin::tenantId);
  }

  @Test
  void roleLadderGuardsWrites() {
    Principal viewer = Principal.fromClaims(Map.of("sub", "v", "custom:tenant_id", TENANT, "custom:role", "viewer"))
        .orElseThrow();
    // The ladder is declared in each function's route table (Access) and checked by the dispatcher.
    assertThrows(ForbiddenException.class, () -> Access.CONTRIBUTORS.check(viewer));
    assertThrows(ForbiddenException.class, () -> Access.ADMINS.check(viewer));
    assertThrows(ForbiddenException.class, viewer::requirePlatformAdmin);
    Principal member = Principal.fromClaims(Map.of("sub", "m", "custom:tenant_id", TENANT, "custom:role", "member"))
        .orElseThrow();
    Access.CONTRIBUTORS.check(member);
    assertThrows(ForbiddenException.class, () -> Access.ADMINS.check(member));
  }
}

package com.coditect.shared.tenancy;

import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.UnauthorizedException;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated caller, built only from claims the authorizer verified: {@code custom:user_id}
 * (else {@code sub}), {@code custom:tenant_id}, {@code custom:role} and {@code custom:platform_admin}.
 * Never from a path, body, header or cursor.
 */
public record Principal(String userId, TenantId tenant, Role role, boolean platformAdmin) {

  public static final String CLAIM_TENANT = "custom:tenant_id";
  public static final String CLAIM_ROLE = "custom:role";
  public static final String CLAIM_PLATFORM_ADMIN = "custom:platform_admin";
  /** Cognito's {@code sub} is its own id; the platform's user id is carried in this claim. */
  public static final String CLAIM_USER_ID = "custom:user_id";

  /**
   * Reads the verified claims. Empty when there is no subject, or when a non-admin token lacks a
   * valid tenant or role: such a token authenticates nobody here (401).
   */
  public static Optional<Principal> fromClaims(Map<String, String> claims) {
    String subject = claims.getOrDefault(CLAIM_USER_ID, claims.get("sub"));
    if (subject == null || subject.isBlank()) {
      return Optional.empty();
    }
    boolean platformAdmin = "true".equalsIgnoreCase(claims.get(CLAIM_PLATFORM_ADMIN));
    TenantId tenant = parseTenant(claims.get(CLAIM_TENANT));
    Role role = Role.fromApiName(claims.get(CLAIM_ROLE)).orElse(null);
    if (!platformAdmin && (tenant == null || role == null)) {
      return Optional.empty();
    }
    return Optional.of(new Principal(subject, tenant, role, platformAdmin));
  }

  /** The caller's tenant; a token without one (a bare platform-admin token) gets 401 here. */
  public TenantId tenantId() {
    if (tenant == null) {
      throw new UnauthorizedException("This route needs a token that belongs to a tenant.");
    }
    return tenant;
  }

  /** The caller's role in their tenant (after {@link #tenantId()} established there is one). */
  public Role tenantRole() {
    tenantId();
    if (role == null) {
      throw new UnauthorizedException("This token carries no role in its tenant.");
    }
    return role;
  }

  public void requirePlatformAdmin() {
    if (!platformAdmin) {
      throw new ForbiddenException("Only a platform administrator may do this.");
    }
  }

  private static TenantId parseTenant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new TenantId(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

package com.coditect.audit.model;

import com.coditect.shared.domain.Choice;
import java.util.Set;

/**
 * The severity of an audited action (spec: info, warning, error, critical), mildest first.
 * Deletions, removals and changes of roles or permissions are never just information.
 */
public enum Severity implements Choice {
  INFO,
  WARNING,
  ERROR,
  CRITICAL;

  private static final Set<String> CRITICAL_ACTIONS = Set.of("tenant.deleted", "user.platform_admin_changed");
  private static final Set<String> ERROR_ACTIONS = Set.of("user.login_failed", "webhook.signature_failed");

  public static Severity of(String action) {
    if (CRITICAL_ACTIONS.contains(action)) {
      return CRITICAL;
    }
    if (ERROR_ACTIONS.contains(action) || action.endsWith(".failed")) {
      return ERROR;
    }
    if (action.endsWith(".deleted") || action.endsWith(".removed") || action.endsWith("_removed")
        || action.contains("role_changed") || action.contains("permission")) {
      return WARNING;
    }
    return INFO;
  }
}

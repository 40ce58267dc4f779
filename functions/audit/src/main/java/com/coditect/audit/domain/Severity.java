package com.coditect.audit.domain;

import java.util.List;
import java.util.Set;

/**
 * The severity of an audited action (spec: info, warning, error, critical). Deletions, removals
 * and changes of roles or permissions are never just information.
 */
public final class Severity {

  public static final String INFO = "info";
  public static final String WARNING = "warning";
  public static final String ERROR = "error";
  public static final String CRITICAL = "critical";
  /** The spec's choice list, mildest first. */
  public static final List<String> ALL = List.of(INFO, WARNING, ERROR, CRITICAL);

  private static final Set<String> CRITICAL_ACTIONS = Set.of("tenant.deleted", "user.platform_admin_changed");
  private static final Set<String> ERROR_ACTIONS = Set.of("user.login_failed", "webhook.signature_failed");

  private Severity() {}

  public static String of(String action) {
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

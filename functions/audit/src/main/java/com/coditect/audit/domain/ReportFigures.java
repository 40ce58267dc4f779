package com.coditect.audit.domain;

import com.coditect.audit.model.AuditReviewStatus;
import com.coditect.audit.model.Severity;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counters a compliance report is made of, fed one audit entry at a time. It keeps counters
 * only, never entries, so a report over a million entries needs the memory of one over ten. The
 * one map (entries per action) is bounded by {@link #MAX_ACTIONS}, not by the log's length.
 */
public final class ReportFigures {

  /** Distinct actions counted by name; any beyond are counted together, so the map cannot grow with the log. */
  static final int MAX_ACTIONS = 500;
  static final String OTHER_ACTIONS = "(other actions)";

  private static final Set<String> PRIVILEGED = Set.of("user.role_changed", "user.platform_admin_changed",
      "audit.key_rotated");
  private static final Set<String> EXPORTS = Set.of("share.created", "share.accessed");

  private long entries;
  private final Map<Severity, Long> bySeverity = new LinkedHashMap<>();
  private long signIns;
  private long failedSignIns;
  private long usersProvisioned;
  private long usersDeprovisioned;
  private long roleChanges;
  private long permissionChanges;
  private long membershipChanges;
  private long privilegedActions;
  private long deletions;
  private long exports;
  private long reviewsStarted;
  private long reviewsCompleted;
  private final Map<String, Long> byAction = new HashMap<>();

  public ReportFigures() {
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity, 0L);
    }
  }

  /**
   * Counts one entry. {@code changes} is the entry's JSON text; it is parsed only for the few
   * actions whose meaning depends on it (an audit review's status change).
   */
  public void add(String action, Severity severity, String changes) {
    entries++;
    bySeverity.merge(severity == null ? Severity.of(action) : severity, 1L, Long::sum);
    if (byAction.containsKey(action) || byAction.size() < MAX_ACTIONS) {
      byAction.merge(action, 1L, Long::sum);
    } else {
      byAction.merge(OTHER_ACTIONS, 1L, Long::sum);
    }
    switch (action) {
      case "user.login" -> signIns++;
      case "user.login_failed" -> failedSignIns++;
      case "user.created" -> usersProvisioned++;
      case "user.deleted" -> usersDeprovisioned++;
      case "user.role_changed" -> roleChanges++;
      case "team.member_added", "team.member_removed" -> membershipChanges++;
      default -> { }
    }
    if (action.contains("permission")) {
      permissionChanges++;
    }
    if (PRIVILEGED.contains(action) || action.startsWith("tenant.") || severity == Severity.CRITICAL) {
      privilegedActions++;
    }
    if (action.endsWith(".deleted") || action.endsWith(".removed") || action.endsWith("_removed")) {
      deletions++;
    }
    if (action.endsWith(".exported") || action.endsWith(".downloaded") || EXPORTS.contains(action)) {
      exports++;
    }
    countReview(action, changes);
  }

  /**
   * Reviews are counted from the audit log's own {@code audit_review.*} entries, which exist
   * whether or not the reviews list can be read here: a review started ({@code audit_review.created})
   * or completed ({@code audit_review.completed}, or an update whose status became completed).
   * Hook: when AuditReview items exist, reviews whose scope covers the period can be read from
   * their list instead, without changing the figures' names.
   */
  private void countReview(String action, String changes) {
    if (!action.startsWith("audit_review.")) {
      return;
    }
    if (action.equals("audit_review.created")) {
      reviewsStarted++;
    } else if (action.equals("audit_review.completed")) {
      reviewsCompleted++;
    } else if (action.equals("audit_review.updated") && changes != null) {
      JsonNode status = Json.readTree(changes).path("status").path("new");
      if (AuditReviewStatus.COMPLETED.apiName().equals(status.asText(null))) {
        reviewsCompleted++;
      }
    }
  }

  public long entries() {
    return entries;
  }

  public long accessChanges() {
    return usersProvisioned + usersDeprovisioned + roleChanges + permissionChanges + membershipChanges;
  }

  /** Every figure by its name in report_data, in a fixed order. */
  public Map<String, Long> named() {
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("entries_total", entries);
    figures.put("access_changes", accessChanges());
    figures.put("users_provisioned", usersProvisioned);
    figures.put("users_deprovisioned", usersDeprovisioned);
    figures.put("role_changes", roleChanges);
    figures.put("permission_changes", permissionChanges);
    figures.put("team_membership_changes", membershipChanges);
    figures.put("privileged_actions", privilegedActions);
    figures.put("deletions", deletions);
    figures.put("exports", exports);
    figures.put("sign_ins", signIns);
    figures.put("failed_sign_ins", failedSignIns);
    figures.put("audit_reviews_started", reviewsStarted);
    figures.put("audit_reviews_completed", reviewsCompleted);
    return figures;
  }

  public Map<Severity, Long> bySeverity() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(bySeverity));
  }

  /** The most frequent actions, most frequent first (ties by name). */
  public List<Map.Entry<String, Long>> topActions(int count) {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byAction.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    return sorted.subList(0, Math.min(count, sorted.size()));
  }
}

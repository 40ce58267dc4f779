package com.coditect.audit.domain;

import com.coditect.audit.model.ComplianceReportType;
import com.coditect.shared.domain.Choice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The control table: for each framework, the controls a report covers, the figures that evidence
 * each one, and how a figure is found in the audit log ({@code GET /v1/audit-logs?...} filters
 * whose results hold the entries counted). The mapping is the platform's reading of each framework,
 * stated here in one place so an auditor can check it.
 */
public final class ComplianceFrameworks {

  /** Every framework as the API and the report's data spell it, in the spec's order. */
  public static final List<String> TYPES = Choice.apiNames(ComplianceReportType.class);
  // The tables below are keyed by that spelling, the framework of a report's data.
  private static final String GDPR = ComplianceReportType.GDPR.apiName();
  private static final String HIPAA = ComplianceReportType.HIPAA.apiName();
  private static final String SOC2 = ComplianceReportType.SOC2.apiName();
  private static final String ISO27001 = ComplianceReportType.ISO27001.apiName();

  /** Figures that are not counters of the period: the whole chain's verification. */
  public static final String CHAIN_INTACT = "chain_intact";
  public static final String CHAIN_ENTRIES_CHECKED = "chain_entries_checked";

  /** How a control's status is decided from its figures. */
  public enum Rule {
    /** Figures presented for the auditor's judgement: status {@code evidence}. */
    EVIDENCE,
    /** {@code pass} when the audit chain verified intact, else {@code fail}. */
    INTEGRITY,
    /** {@code pass} when an audit review was completed in the period, else {@code attention}. */
    REVIEW
  }

  /** One control of a framework. */
  public record Control(String id, String title, List<String> figures, Rule rule) {}

  /**
   * The audit-log filters that show each figure's entries. Deletions and permission changes are
   * all warnings (Severity), so the warning list holds them; a figure of several actions has one
   * query per action.
   */
  static final Map<String, List<String>> EVIDENCE = Map.ofEntries(
      Map.entry("entries_total", List.of("")),
      Map.entry("access_changes", List.of("action=user.created", "action=user.deleted", "action=user.role_changed",
          "action=team.member_added", "action=team.member_removed", "severity=warning")),
      Map.entry("users_provisioned", List.of("action=user.created")),
      Map.entry("users_deprovisioned", List.of("action=user.deleted")),
      Map.entry("role_changes", List.of("action=user.role_changed")),
      Map.entry("permission_changes", List.of("severity=warning")),
      Map.entry("team_membership_changes", List.of("action=team.member_added", "action=team.member_removed")),
      Map.entry("privileged_actions", List.of("action=user.role_changed", "action=user.platform_admin_changed",
          "resource_type=tenant", "severity=critical")),
      Map.entry("deletions", List.of("severity=warning")),
      Map.entry("exports", List.of("action=share.created", "action=share.accessed")),
      Map.entry("sign_ins", List.of("action=user.login")),
      Map.entry("failed_sign_ins", List.of("action=user.login_failed")),
      Map.entry("audit_reviews_started", List.of("action=audit_review.created")),
      Map.entry("audit_reviews_completed", List.of("resource_type=audit_review")),
      Map.entry(CHAIN_INTACT, List.of()),
      Map.entry(CHAIN_ENTRIES_CHECKED, List.of()));

  private static final Map<String, String> NAMES = Map.of(
      GDPR, "GDPR (EU 2016/679)",
      HIPAA, "HIPAA Security Rule (45 CFR Part 164, Subpart C)",
      SOC2, "SOC 2 (AICPA Trust Services Criteria)",
      ISO27001, "ISO/IEC 27001:2022 Annex A");

  private static final Map<String, List<Control>> CONTROLS = Map.of(
      SOC2, List.of(
          new Control("CC6.1", "Logical access security: access changes are recorded",
              List.of("access_changes", "role_changes", "permission_changes"), Rule.EVIDENCE),
          new Control("CC6.2", "User registration and removal",
              List.of("users_provisioned", "users_deprovisioned"), Rule.EVIDENCE),
          new Control("CC6.3", "Role-based access changes and privileged actions",
              List.of("role_changes", "privileged_actions"), Rule.EVIDENCE),
          new Control("CC7.2", "Monitoring for anomalies: failed sign-ins",
              List.of("failed_sign_ins", "sign_ins"), Rule.EVIDENCE),
          new Control("CC7.3", "Security events are evaluated: audit reviews",
              List.of("audit_reviews_started", "audit_reviews_completed"), Rule.REVIEW),
          new Control("CC6.5", "Disposal and deletion of data", List.of("deletions"), Rule.EVIDENCE),
          new Control("CC4.1", "Monitoring activities: the audit trail is complete and unaltered",
              List.of(CHAIN_INTACT, CHAIN_ENTRIES_CHECKED, "entries_total"), Rule.INTEGRITY)),
      GDPR, List.of(
          new Control("Art. 30", "Records of processing activities", List.of("entries_total"), Rule.EVIDENCE),
          new Control("Art. 32(1)(b)", "Confidentiality: access to personal data is controlled",
              List.of("access_changes", "privileged_actions"), Rule.EVIDENCE),
          new Control("Art. 32(1)(d)", "Regular testing and evaluation of the measures",
              List.of("audit_reviews_started", "audit_reviews_completed"), Rule.REVIEW),
          new Control("Art. 17", "Erasure: deletions performed", List.of("deletions"), Rule.EVIDENCE),
          new Control("Art. 15 / Art. 20", "Access and portability: data exported or shared",
              List.of("exports"), Rule.EVIDENCE),
          new Control("Art. 33", "Detecting personal data breaches: failed sign-ins",
              List.of("failed_sign_ins"), Rule.EVIDENCE),
          new Control("Art. 5(1)(f)", "Integrity of the processing records",
              List.of(CHAIN_INTACT, CHAIN_ENTRIES_CHECKED), Rule.INTEGRITY)),
      HIPAA, List.of(
          new Control("164.312(b)", "Audit controls: activity is recorded",
              List.of("entries_total", CHAIN_ENTRIES_CHECKED), Rule.EVIDENCE),
          new Control("164.308(a)(1)(ii)(D)", "Information system activity review",
              List.of("audit_reviews_started", "audit_reviews_completed"), Rule.REVIEW),
          new Control("164.308(a)(4)", "Information access management",
              List.of("access_changes", "users_provisioned", "users_deprovisioned"), Rule.EVIDENCE),
          new Control("164.308(a)(5)(ii)(C)", "Log-in monitoring", List.of("failed_sign_ins", "sign_ins"),
              Rule.EVIDENCE),
          new Control("164.312(a)(1)", "Access control: privileged actions", List.of("privileged_actions"),
              Rule.EVIDENCE),
          new Control("164.312(c)(1)", "Integrity: records not improperly altered or destroyed",
              List.of(CHAIN_INTACT, "deletions"), Rule.INTEGRITY)),
      ISO27001, List.of(
          new Control("A.5.15", "Access control", List.of("access_changes"), Rule.EVIDENCE),
          new Control("A.5.18", "Access rights: provisioning, changes and removal",
              List.of("users_provisioned", "role_changes", "users_deprovisioned"), Rule.EVIDENCE),
          new Control("A.8.2", "Privileged access rights", List.of("privileged_actions"), Rule.EVIDENCE),
          new Control("A.8.10", "Information deletion", List.of("deletions"), Rule.EVIDENCE),
          new Control("A.5.14", "Information transfer: exports and shares", List.of("exports"), Rule.EVIDENCE),
          new Control("A.8.16", "Monitoring activities: failed sign-ins", List.of("failed_sign_ins"),
              Rule.EVIDENCE),
          new Control("A.5.35", "Independent review of information security",
              List.of("audit_reviews_started", "audit_reviews_completed"), Rule.REVIEW),
          new Control("A.8.15", "Logging: logs are kept and protected from tampering",
              List.of("entries_total", CHAIN_INTACT, CHAIN_ENTRIES_CHECKED), Rule.INTEGRITY)));

  private ComplianceFrameworks() {}

  public static String name(String type) {
    return NAMES.get(type);
  }

  public static List<Control> controls(String type) {
    return CONTROLS.get(type);
  }

  /**
   * The requests that show a control's evidence for the period: the audit-log filters of its
   * figures, limited to the period, and the chain's verification when the control rests on it.
   */
  public static List<String> evidenceQueries(Control control, String from, String to) {
    Set<String> queries = new LinkedHashSet<>();
    for (String figure : control.figures()) {
      if (figure.startsWith("chain_")) {
        queries.add("GET /v1/audit-logs/verify");
        continue;
      }
      for (String filter : EVIDENCE.get(figure)) {
        queries.add("GET /v1/audit-logs?" + (filter.isEmpty() ? "" : filter + "&") + "from=" + from + "&to=" + to);
      }
    }
    return new ArrayList<>(queries);
  }
}

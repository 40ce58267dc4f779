package com.coditect.audit.domain;

import com.coditect.audit.api.ChainVerificationResponse;
import com.coditect.audit.domain.ComplianceFrameworks.Control;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Builds a report's {@code report_data}: the period's figures, the whole chain's verification, and
 * each control of the framework with its figures, status and evidence queries.
 */
public final class ComplianceReportData {

  static final int TOP_ACTIONS = 10;

  private ComplianceReportData() {}

  /**
   * @param verification the chain's last verified page: intact and complete, or the first break
   * @param chainEntriesChecked entries verified over every page
   */
  public static ObjectNode build(String reportType, LocalDate start, LocalDate end, String generatedAt,
      ReportFigures figures, ChainVerificationResponse verification, long chainEntriesChecked) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("framework", reportType);
    data.put("framework_name", ComplianceFrameworks.name(reportType));
    data.putObject("period").put("start", start.toString()).put("end", end.toString());
    data.put("generated_at", generatedAt);

    ObjectNode named = data.putObject("figures");
    figures.named().forEach(named::put);
    ObjectNode severities = data.putObject("entries_by_severity");
    figures.bySeverity().forEach((severity, count) -> severities.put(severity.apiName(), count));
    ArrayNode top = data.putArray("top_actions");
    figures.topActions(TOP_ACTIONS).forEach(entry -> top.addObject().put("action", entry.getKey())
        .put("count", entry.getValue()));

    boolean intact = verification.intact() && verification.complete();
    ObjectNode chain = data.putObject("chain_verification");
    chain.put("intact", intact);
    chain.put("complete", verification.complete());
    chain.put("entries_checked", chainEntriesChecked);
    if (verification.headSeq() == null) {
      chain.putNull("head_seq");
    } else {
      chain.put("head_seq", verification.headSeq());
    }
    if (verification.firstBreak() == null) {
      chain.putNull("first_break");
    } else {
      chain.putObject("first_break").put("seq", verification.firstBreak().seq())
          .put("reason", verification.firstBreak().reason());
    }

    String from = start.toString();
    String to = end + "T23:59:59.999Z";
    Map<String, Long> values = figures.named();
    ArrayNode controls = data.putArray("controls");
    int pass = 0;
    int attention = 0;
    int fail = 0;
    for (Control control : ComplianceFrameworks.controls(reportType)) {
      ObjectNode row = controls.addObject();
      row.put("id", control.id());
      row.put("title", control.title());
      ObjectNode controlFigures = row.putObject("figures");
      for (String figure : control.figures()) {
        switch (figure) {
          case ComplianceFrameworks.CHAIN_INTACT -> controlFigures.put(figure, intact);
          case ComplianceFrameworks.CHAIN_ENTRIES_CHECKED -> controlFigures.put(figure, chainEntriesChecked);
          default -> controlFigures.put(figure, values.get(figure));
        }
      }
      String status = switch (control.rule()) {
        case INTEGRITY -> intact ? "pass" : "fail";
        case REVIEW -> values.get("audit_reviews_completed") > 0 ? "pass" : "attention";
        case EVIDENCE -> "evidence";
      };
      switch (status) {
        case "pass" -> pass++;
        case "attention" -> attention++;
        case "fail" -> fail++;
        default -> { }
      }
      row.put("status", status);
      ArrayNode queries = row.putArray("evidence_queries");
      ComplianceFrameworks.evidenceQueries(control, from, to).forEach(queries::add);
    }

    ObjectNode summary = data.putObject("summary");
    summary.put("entries_in_period", figures.entries());
    summary.put("controls", controls.size());
    summary.put("pass", pass);
    summary.put("attention", attention);
    summary.put("fail", fail);
    summary.put("evidence", controls.size() - pass - attention - fail);
    summary.put("chain_intact", intact);
    summary.put("text", summaryText(reportType, start, end, figures, intact, chainEntriesChecked, verification));
    return data;
  }

  /** The summary's sentences, the same in report_data and at the head of the PDF. */
  static String summaryText(String reportType, LocalDate start, LocalDate end, ReportFigures figures, boolean intact,
      long checked, ChainVerificationResponse verification) {
    Map<String, Long> values = figures.named();
    String chain = intact
        ? "The audit chain verified intact over " + checked + " entries."
        : "The audit chain verification FAILED" + (verification.firstBreak() == null ? ""
            : " at entry " + verification.firstBreak().seq() + " (" + verification.firstBreak().reason() + ")")
            + ": the audit log may have been altered.";
    return ComplianceFrameworks.name(reportType) + " report for " + start + " to " + end + ". The audit log holds "
        + figures.entries() + " entries in the period: " + values.get("access_changes") + " access changes, "
        + values.get("privileged_actions") + " privileged actions, " + values.get("deletions") + " deletions, "
        + values.get("exports") + " exports, " + values.get("failed_sign_ins") + " failed sign-ins and "
        + values.get("audit_reviews_completed") + " completed audit reviews. " + chain;
  }
}

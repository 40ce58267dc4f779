package com.coditect.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.domain.ComplianceFrameworks.Control;
import com.coditect.audit.domain.ComplianceFrameworks.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The control table holds together: every figure a control names is counted and has its evidence. */
class ComplianceFrameworksTest {

  @Test
  void everyControlNamesOnlyFiguresTheReportCountsAndEachHasEvidence() {
    Set<String> counted = new HashSet<>(new ReportFigures().named().keySet());
    counted.add(ComplianceFrameworks.CHAIN_INTACT);
    counted.add(ComplianceFrameworks.CHAIN_ENTRIES_CHECKED);
    assertEquals(counted, ComplianceFrameworks.EVIDENCE.keySet(), "one evidence entry per figure");
    for (String type : ComplianceFrameworks.TYPES) {
      assertFalse(ComplianceFrameworks.name(type).isBlank());
      Set<String> ids = new HashSet<>();
      for (Control control : ComplianceFrameworks.controls(type)) {
        assertTrue(ids.add(control.id()), type + " names " + control.id() + " twice");
        assertTrue(counted.containsAll(control.figures()), type + " " + control.id() + ": " + control.figures());
        assertFalse(ComplianceFrameworks.evidenceQueries(control, "2026-10-01", "2026-10-31T23:59:59.999Z").isEmpty(),
            type + " " + control.id() + " has no evidence query");
      }
    }
  }

  @Test
  void everyFrameworkChecksTheChainAndAsksForReviews() {
    for (String type : ComplianceFrameworks.TYPES) {
      List<Rule> rules = ComplianceFrameworks.controls(type).stream().map(Control::rule).toList();
      assertTrue(rules.contains(Rule.INTEGRITY), type);
      assertTrue(rules.contains(Rule.REVIEW), type);
    }
  }

  @Test
  void evidenceQueriesAreAuditLogRequestsLimitedToThePeriod() {
    Control deletions = new Control("X", "Deletions", List.of("deletions", ComplianceFrameworks.CHAIN_INTACT), Rule.EVIDENCE);
    assertEquals(List.of("GET /v1/audit-logs?severity=warning&from=2026-10-01&to=2026-10-31T23:59:59.999Z",
        "GET /v1/audit-logs/verify"), ComplianceFrameworks.evidenceQueries(deletions, "2026-10-01", "2026-10-31T23:59:59.999Z"));
  }
}

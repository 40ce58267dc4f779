package com.coditect.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.audit.model.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each action counts towards, and the bound that keeps the counters' memory flat. */
class ReportFiguresTest {

  @Test
  void eachActionCountsTowardsItsFigures() {
    ReportFigures figures = new ReportFigures();
    figures.add("user.role_changed", Severity.of("user.role_changed"), "{}");
    figures.add("team.member_removed", Severity.of("team.member_removed"), "{}");
    figures.add("tenant.deleted", Severity.of("tenant.deleted"), "{}");
    figures.add("document.exported", Severity.of("document.exported"), "{}");
    figures.add("audit_review.updated", Severity.INFO, "{\"status\":{\"old\":\"in_progress\",\"new\":\"cancelled\"}}");
    figures.add("audit_review.updated", Severity.INFO, "{\"status\":{\"old\":\"in_progress\",\"new\":\"completed\"}}");

    Map<String, Long> named = figures.named();
    assertEquals(6, named.get("entries_total"));
    assertEquals(2, named.get("access_changes"), "the role change and the membership change");
    assertEquals(2, named.get("privileged_actions"), "the role change and the tenant deletion");
    assertEquals(2, named.get("deletions"), "the removal and the tenant deletion");
    assertEquals(1, named.get("exports"));
    assertEquals(1, named.get("audit_reviews_completed"), "a cancelled review is not a completed one");
    assertEquals(1, figures.bySeverity().get(Severity.CRITICAL));
  }

  @Test
  void distinctActionsBeyondTheBoundAreCountedTogether() {
    ReportFigures figures = new ReportFigures();
    for (int i = 0; i < ReportFigures.MAX_ACTIONS + 10; i++) {
      figures.add("custom.action_" + i, Severity.INFO, null);
    }
    figures.add("custom.action_0", Severity.INFO, null);
    assertEquals(ReportFigures.MAX_ACTIONS + 11, figures.entries());
    assertEquals(ReportFigures.OTHER_ACTIONS, figures.topActions(1).get(0).getKey());
    assertEquals(10, figures.topActions(1).get(0).getValue());
    assertEquals(2, figures.topActions(2).get(1).getValue(), "a counted action keeps counting");
  }
}

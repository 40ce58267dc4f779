package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.audit.domain.Severity;
import org.junit.jupiter.api.Test;

/** Which actions are more than information. */
class SeverityTest {

  @Test
  void deletionsRemovalsAndRoleOrPermissionChangesAreWarnings() {
    assertEquals("warning", Severity.of("task.deleted"));
    assertEquals("warning", Severity.of("team.member_removed"));
    assertEquals("warning", Severity.of("user.role_changed"));
    assertEquals("warning", Severity.of("document.permission_granted"));
  }

  @Test
  void failuresAreErrorsAndTheGravestChangesCritical() {
    assertEquals("error", Severity.of("user.login_failed"));
    assertEquals("error", Severity.of("compliance_report.failed"));
    assertEquals("critical", Severity.of("tenant.deleted"));
  }

  @Test
  void everythingElseIsInformation() {
    assertEquals("info", Severity.of("task.updated"));
    assertEquals("info", Severity.of("user.login"));
    assertEquals("info", Severity.of("sprint.completed"));
  }
}

package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.audit.model.Severity;
import org.junit.jupiter.api.Test;

/** Which actions are more than information. */
class SeverityTest {

  @Test
  void deletionsRemovalsAndRoleOrPermissionChangesAreWarnings() {
    assertEquals("warning", Severity.of("task.deleted").apiName());
    assertEquals("warning", Severity.of("team.member_removed").apiName());
    assertEquals("warning", Severity.of("user.role_changed").apiName());
    assertEquals("warning", Severity.of("document.permission_granted").apiName());
  }

  @Test
  void failuresAreErrorsAndTheGravestChangesCritical() {
    assertEquals("error", Severity.of("user.login_failed").apiName());
    assertEquals("error", Severity.of("compliance_report.failed").apiName());
    assertEquals("critical", Severity.of("tenant.deleted").apiName());
  }

  @Test
  void everythingElseIsInformation() {
    assertEquals("info", Severity.of("task.updated").apiName());
    assertEquals("info", Severity.of("user.login").apiName());
    assertEquals("info", Severity.of("sprint.completed").apiName());
  }
}

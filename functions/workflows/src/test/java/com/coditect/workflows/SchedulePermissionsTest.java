package com.coditect.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.IamPolicy;
import com.coditect.testing.IamPolicy.Request;
import com.coditect.testing.TemplateIam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the template lets the workflow functions do with EventBridge Scheduler, evaluated from
 * template.yaml: schedules only in the workflows' group, and the one role they may hand to
 * Scheduler; no other function may make schedules at all.
 */
class SchedulePermissionsTest {

  private static final TemplateIam IAM = new TemplateIam(CloudTemplate.load());
  private static final List<String> WORKFLOW_FUNCTIONS = List.of("WorkflowsFunction", "WorkflowEventsFunction");
  private static final String GROUP = "arn:aws:scheduler:us-east-1:123456789012:schedule/coditect-workflows/";

  private static Request on(String action, String resource) {
    return new Request(action, resource, Map.of());
  }

  @Test
  void theWorkflowFunctionsMakeSchedulesOnlyInTheirGroupAndPassOnlyTheSchedulerRole() {
    String role = IAM.arn("WorkflowSchedulerRole");
    for (String function : WORKFLOW_FUNCTIONS) {
      IamPolicy policy = IAM.policyOf(function);
      for (String action : List.of("scheduler:CreateSchedule", "scheduler:DeleteSchedule")) {
        assertTrue(policy.allows(on(action, GROUP + "t-0190-wait")), function + " " + action);
        assertFalse(policy.allows(on(action, "arn:aws:scheduler:us-east-1:123456789012:schedule/default/x")),
            function + " " + action + " outside its group");
      }
      assertTrue(policy.allows(on("iam:PassRole", role)), function + " passes the scheduler role");
      assertFalse(policy.allows(on("iam:PassRole", "arn:aws:iam::123456789012:role/admin")),
          function + " passes no other role");
    }
  }

  @Test
  void noOtherFunctionMakesSchedules() {
    Set<String> allowed = new LinkedHashSet<>();
    for (String function : IAM.functions()) {
      if (!WORKFLOW_FUNCTIONS.contains(function)
          && IAM.policyOf(function).allows(on("scheduler:CreateSchedule", GROUP + "x"))) {
        allowed.add(function);
      }
    }
    assertEquals(Set.of(), allowed);
  }
}

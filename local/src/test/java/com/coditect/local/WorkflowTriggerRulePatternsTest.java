package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRules;

import com.coditect.testing.CloudTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.event.ruler.Machine;

/**
 * The workflows' trigger rules of template.yaml, matched with Event Ruler against events shaped as
 * the outbox writes them (with {@code detail.source} and {@code detail.actor}) and as EventBridge
 * Scheduler puts them: every platform event reaches the event triggers except the workflows' own
 * and the changes a workflow made; a scheduled trigger's firing reaches its rule, a timer does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowTriggerRulePatternsTest {

  private static final String EVENT_TRIGGERS = "WorkflowEventsFunctionPlatformEventTriggers";
  private static final String SCHEDULE_FIRED = "WorkflowEventsFunctionScheduleFired";

  private final Machine machine = new Machine();

  @BeforeAll
  void load() throws Exception {
    for (TemplateRules.EventRule rule : new TemplateRules(CloudTemplate.load()).eventRules()) {
      machine.addRule(rule.logicalId(), rule.pattern());
    }
  }

  private static String outboxEvent(String source, String detailType, String actorUserId) {
    return "{\"version\":\"0\",\"id\":\"1\",\"source\":\"" + source + "\",\"detail-type\":\"" + detailType
        + "\",\"account\":\"000000000000\",\"time\":\"2026-12-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":{\"event_id\":\"e\",\"tenant_id\":\"t\",\"source\":\"" + source + "\",\"actor\":{\"user_id\":"
        + (actorUserId == null ? "null" : "\"" + actorUserId + "\"") + ",\"ip\":null,\"user_agent\":null},"
        + "\"action\":\"" + detailType + "\",\"changes\":{}}}";
  }

  private boolean matches(String event, String rule) throws Exception {
    return machine.rulesForJSONEvent(event).contains(rule);
  }

  @Test
  void everyPlatformEventAUserOrAnotherSystemCausedReachesTheEventTriggers() throws Exception {
    assertTrue(matches(outboxEvent("coditect.pm", "task.created", "0193a7e5-0000-7000-8000-000000000001"),
        EVENT_TRIGGERS));
    assertTrue(matches(outboxEvent("coditect.dms", "document.updated", "system:dms"), EVENT_TRIGGERS));
    assertTrue(matches(outboxEvent("coditect.tenancy", "user.created", "u"), EVENT_TRIGGERS));
  }

  @Test
  void theWorkflowsOwnEventsAndChangesAWorkflowMadeDoNot() throws Exception {
    assertFalse(matches(outboxEvent("coditect.workflows", "execution.requested", "u"), EVENT_TRIGGERS));
    assertFalse(matches(outboxEvent("coditect.workflows", "step.completed", "system:workflows"), EVENT_TRIGGERS));
    assertFalse(matches(outboxEvent("coditect.pm", "task.created", "system:workflows"), EVENT_TRIGGERS));
    assertFalse(matches(outboxEvent("coditect.pm", "task.created", "system:workflows/action"), EVENT_TRIGGERS));
  }

  @Test
  void aScheduledTriggersFiringReachesItsRuleAndATimerDoesNot() throws Exception {
    String fired = "{\"version\":\"0\",\"id\":\"1\",\"source\":\"workflows.schedules\",\"detail-type\":\"schedule.fired\","
        + "\"account\":\"000000000000\",\"time\":\"2026-12-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":{\"tenant_id\":\"t\",\"workflow_id\":\"w\"}}";
    assertTrue(matches(fired, SCHEDULE_FIRED));
    assertFalse(matches(fired, EVENT_TRIGGERS));
    assertFalse(matches(fired.replace("schedule.fired", "timer.fired"), SCHEDULE_FIRED));
    assertFalse(matches(outboxEvent("coditect.pm", "schedule.fired", "u"), SCHEDULE_FIRED));
  }
}

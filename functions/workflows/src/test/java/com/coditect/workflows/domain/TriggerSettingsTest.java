package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a workflow's triggers ask of the platform, and the names its schedules get. */
class TriggerSettingsTest {

  private static final String WORKFLOW = "0190a6f0-0000-7000-8000-00000000000f";

  @Test
  void readsTheWebhookThePatternAndTheSchedulesInOrder() {
    TriggerSettings settings = TriggerSettings.of("""
        [{"type": "scheduled", "expression": "rate(5 minutes)"}, {"type": "manual"}, {"type": "webhook"},
         {"type": "event", "pattern": {"detail-type": ["task.created"]}},
         {"type": "scheduled", "expression": "cron(0 9 ? * MON *)"}]""");
    assertTrue(settings.webhook());
    assertEquals(Optional.of("{\"detail-type\":[\"task.created\"]}"), settings.eventPattern());
    assertEquals(List.of("rate(5 minutes)", "cron(0 9 ? * MON *)"), settings.scheduleExpressions());
    assertEquals(List.of("s-" + WORKFLOW + "-1", "s-" + WORKFLOW + "-2"), settings.scheduleNames(WORKFLOW));
    // Scheduler's names are at most 64 characters of [0-9A-Za-z_.-].
    assertTrue(TriggerSettings.scheduleName(WORKFLOW, 10).matches("[0-9A-Za-z_.-]{1,64}"));
  }

  @Test
  void noTriggersAskForNothing() {
    TriggerSettings settings = TriggerSettings.of("[]");
    assertFalse(settings.webhook());
    assertEquals(Optional.empty(), settings.eventPattern());
    assertEquals(List.of(), settings.scheduleNames(WORKFLOW));
  }
}

package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.JsonText;
import com.coditect.workflows.data.StatsScope;
import com.coditect.workflows.model.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What each event of common.md's table adds to the analysis. */
class StatsEventTest {

  private static final String STEP = """
      {"event_id": "e1", "tenant_id": "t", "workflow_id": "w", "workflow_version": 3, "step_id": "s",
       "node_id": "create", "node_type": "action", "node_name": "Create", "attempt": 1,
       "created_at": "2026-12-02T23:59:59.000Z", "started_at": "2026-12-03T00:00:01.000Z",
       "completed_at": "2026-12-03T00:00:03.500Z", "outcome": "%s", "will_retry": %s}
      """;

  private static JsonNode json(String text) throws Exception {
    return JsonText.parse(text);
  }

  @Test
  void aCompletedStepIsOneRunWithItsDurationAndWaitOnTheDayItEnded() throws Exception {
    StatsEvent event = StatsEvent.of("step.completed", json(STEP.formatted("success", "false"))).orElseThrow();
    assertEquals(StatsScope.STEP, event.scope());
    assertEquals("create", event.subject());
    assertEquals(NodeType.ACTION, event.nodeType());
    assertEquals(3L, event.workflowVersion());
    assertEquals("2026-12-03", event.day());
    assertEquals(1, event.tally().runs());
    assertEquals(0, event.tally().failures());
    assertEquals(2500L, event.tally().durationMillis());
    assertEquals(2000L, event.tally().waitMillis());
  }

  @Test
  void aFailedAttemptToBeRetriedIsARetryNotARunAndTheLastFailureIsAFailedRun() throws Exception {
    StatsEvent retried = StatsEvent.of("step.failed", json(STEP.formatted("error", "true"))).orElseThrow();
    assertEquals(0, retried.tally().runs());
    assertEquals(1, retried.tally().retries());
    assertEquals(0, retried.tally().failures());
    assertEquals(2500L, retried.tally().durationMillis());
    StatsEvent last = StatsEvent.of("step.failed", json(STEP.formatted("timeout", "false"))).orElseThrow();
    assertEquals(1, last.tally().runs());
    assertEquals(1, last.tally().failures());
    assertEquals(0, last.tally().retries());
  }

  @Test
  void executionsCountTheirOutcomeAndCompletedOnesTheirTimeToComplete() throws Exception {
    String execution = """
        {"event_id": "e2", "workflow_id": "w", "workflow_version": 1, "status": "%s",
         "started_at": "2026-12-01T10:00:00.000Z", "completed_at": %s}
        """;
    StatsEvent started = StatsEvent.of("execution.started", json(execution.formatted("running", "null"))).orElseThrow();
    assertEquals(1, started.tally().started());
    assertEquals("2026-12-01", started.day());
    StatsEvent completed = StatsEvent.of("execution.completed",
        json(execution.formatted("completed", "\"2026-12-02T10:00:00.000Z\""))).orElseThrow();
    assertEquals(1, completed.tally().completed());
    assertEquals(86_400_000L, completed.tally().durationMillis());
    assertEquals("2026-12-02", completed.day());
    StatsEvent failed = StatsEvent.of("execution.failed",
        json(execution.formatted("failed", "\"2026-12-02T10:00:00.000Z\""))).orElseThrow();
    assertEquals(1, failed.tally().failed());
    assertNull(failed.tally().durationMillis());
    assertEquals(StatsScope.WORKFLOW, failed.scope());
  }

  @Test
  void approvalsCountPerApproverWithTheirTurnaround() throws Exception {
    String approval = """
        {"event_id": "e3", "workflow_id": "w", "workflow_version": 2, "approver_id": "u",
         "created_at": "2026-12-01T10:00:00.000Z", "decided_at": "2026-12-01T10:30:00.000Z"}
        """;
    StatsEvent approved = StatsEvent.of("approval.approved", json(approval)).orElseThrow();
    assertEquals(StatsScope.APPROVER, approved.scope());
    assertEquals("u", approved.subject());
    assertEquals(1, approved.tally().approved());
    assertEquals(1_800_000L, approved.tally().durationMillis());
    StatsEvent expired = StatsEvent.of("approval.expired", json(approval)).orElseThrow();
    assertEquals(1, expired.tally().expired());
    assertNull(expired.tally().durationMillis());
  }

  @Test
  void eventsTheAnalysisCannotUseAddNothing() throws Exception {
    assertTrue(StatsEvent.of("step.skipped", json(STEP.formatted("success", "false"))).isEmpty());
    assertTrue(StatsEvent.of("step.completed", json("{\"event_id\": \"e\", \"workflow_id\": \"w\"}")).isEmpty());
    assertTrue(StatsEvent.of("step.completed", json(STEP.formatted("success", "false")
        .replace("2026-12-03T00:00:03.500Z", "yesterday"))).isEmpty());
  }
}

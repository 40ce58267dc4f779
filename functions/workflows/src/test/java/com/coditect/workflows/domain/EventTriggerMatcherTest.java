package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Patterns as users write them, against events shaped as the platform's outbox writes them (PM's
 * {@code task.created} carries the new task's fields as {@code changes.<field>.new}).
 */
class EventTriggerMatcherTest {

  /** The example, with the priority where task.created carries it. */
  static final String URGENT_TASK_CREATED =
      "{\"detail-type\":[\"task.created\"],\"detail\":{\"changes\":{\"priority\":{\"new\":[\"urgent\"]}}}}";

  static String taskCreated(String priority) {
    return "{\"version\":\"0\",\"id\":\"4b1c\",\"source\":\"coditect.pm\",\"detail-type\":\"task.created\","
        + "\"account\":\"000000000000\",\"time\":\"2026-12-03T21:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":{\"event_id\":\"e1\",\"tenant_id\":\"t1\",\"source\":\"coditect.pm\","
        + "\"actor\":{\"user_id\":\"u1\",\"ip\":null,\"user_agent\":null},\"action\":\"task.created\","
        + "\"resource_type\":\"task\",\"resource_id\":\"k1\",\"changes\":{\"title\":{\"old\":null,\"new\":\"Fix it\"},"
        + "\"priority\":{\"old\":null,\"new\":\"" + priority + "\"}},\"occurred_at\":\"2026-12-03T21:00:00.000Z\"}}";
  }

  @Test
  void anUrgentTaskCreatedMatchesTheDocumentedPatternAndAnotherPriorityDoesNot() {
    EventTriggerMatcher matcher = new EventTriggerMatcher(List.of(new EventTriggerMatcher.Trigger("wf-1",
        URGENT_TASK_CREATED)));
    assertEquals(Set.of("wf-1"), matcher.matches(taskCreated("urgent")));
    assertEquals(Set.of(), matcher.matches(taskCreated("low")));
  }

  @Test
  void eachMatchingWorkflowOnceAndAPatternEventRulerRefusesIsLeftOut() {
    EventTriggerMatcher matcher = new EventTriggerMatcher(List.of(
        new EventTriggerMatcher.Trigger("wf-any-task", "{\"source\":[\"coditect.pm\"],\"detail-type\":[{\"prefix\":\"task.\"}]}"),
        new EventTriggerMatcher.Trigger("wf-urgent", URGENT_TASK_CREATED),
        new EventTriggerMatcher.Trigger("wf-dms", "{\"source\":[\"coditect.dms\"]}"),
        new EventTriggerMatcher.Trigger("wf-broken", "{\"detail-type\":\"task.created\"}")));
    assertEquals(Set.of("wf-any-task", "wf-urgent"), matcher.matches(taskCreated("urgent")));
  }
}

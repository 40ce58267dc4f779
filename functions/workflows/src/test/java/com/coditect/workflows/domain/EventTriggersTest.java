package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.JsonText;
import org.junit.jupiter.api.Test;

/** Which events may start workflows at all: the guard against a workflow setting itself off. */
class EventTriggersTest {

  private static boolean starts(String source, String actor) throws Exception {
    return EventTriggers.startsWorkflows(JsonText.parse("{\"source\":\"" + source + "\",\"detail\":{\"actor\":"
        + "{\"user_id\":" + (actor == null ? "null" : "\"" + actor + "\"") + "}}}"));
  }

  @Test
  void aUsersOrAnotherSystemsChangeMayStartWorkflows() throws Exception {
    assertTrue(starts("coditect.pm", "0193a7e5-0000-7000-8000-000000000001"));
    assertTrue(starts("coditect.dms", "system:dms"));
    assertTrue(starts("coditect.dms", null), "a share link's anonymous holder");
  }

  @Test
  void theWorkflowsOwnEventsAndChangesAWorkflowMadeNeverDo() throws Exception {
    assertFalse(starts("coditect.workflows", "0193a7e5-0000-7000-8000-000000000001"));
    assertFalse(starts("coditect.pm", "system:workflows"));
    assertFalse(starts("coditect.pm", "system:workflows/action"));
    assertFalse(starts("workflows.schedules", null));
    assertFalse(starts("aws.events", null));
  }
}

package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionIdsTest {

  private static final Instant AT = Instant.parse("2026-12-03T21:00:00.123Z");

  @Test
  void theSameCauseAndWorkflowGiveTheSameIdAndAnythingElseAnother() {
    String id = ExecutionIds.derived("event-1", "wf-a", AT);
    assertEquals(id, ExecutionIds.derived("event-1", "wf-a", AT));
    assertNotEquals(id, ExecutionIds.derived("event-2", "wf-a", AT));
    assertNotEquals(id, ExecutionIds.derived("event-1", "wf-b", AT));
  }

  @Test
  void isAVersion7UuidCarryingTheCausesTimeSoItSortsWithOtherIds() {
    UUID id = UUID.fromString(ExecutionIds.derived("event-1", "wf-a", AT));
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(AT.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    String later = ExecutionIds.derived("event-0", "wf-a", AT.plusMillis(1));
    assertTrue(later.compareTo(id.toString()) > 0, "a later cause sorts after");
  }
}

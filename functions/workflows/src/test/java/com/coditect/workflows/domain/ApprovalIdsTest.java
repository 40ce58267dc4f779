package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.store.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Approval ids: the same for the same (step, approver), UUIDv7-shaped with the step's time. */
class ApprovalIdsTest {

  @Test
  void sameStepAndApproverGiveTheSameId() {
    String step = Ids.newId();
    String user = Ids.newId();
    assertEquals(ApprovalIds.of(step, user), ApprovalIds.of(step, user));
    assertNotEquals(ApprovalIds.of(step, user), ApprovalIds.of(step, Ids.newId()));
    assertNotEquals(ApprovalIds.of(step, user), ApprovalIds.of(Ids.newId(), user));
  }

  @Test
  void isAVersion7UuidWithTheStepsTime() {
    String step = Ids.newId();
    UUID id = UUID.fromString(ApprovalIds.of(step, Ids.newId()));
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(UUID.fromString(step).getMostSignificantBits() >>> 16, id.getMostSignificantBits() >>> 16);
  }

  @Test
  void sortsAfterTheApprovalsOfEarlierSteps() throws InterruptedException {
    String earlier = ApprovalIds.of(Ids.newId(), "u");
    Thread.sleep(2);
    String later = ApprovalIds.of(Ids.newId(), "u");
    assertTrue(earlier.compareTo(later) < 0);
  }
}

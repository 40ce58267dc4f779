package com.coditect.workflows.domain;

import static com.coditect.workflows.model.ApprovalStatus.APPROVED;
import static com.coditect.workflows.model.ApprovalStatus.PENDING;
import static com.coditect.workflows.model.ApprovalStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quorum rule: N of M approve, rejections that reject, an unreachable quorum rejects. */
class QuorumTest {

  @Test
  void twoOfThreeApproveOnTheSecondApproval() {
    Quorum rule = Quorum.of(3, 2, null);
    assertEquals(PENDING, rule.decide(0, 0));
    assertEquals(PENDING, rule.decide(1, 0));
    assertEquals(APPROVED, rule.decide(2, 0));
  }

  @Test
  void withoutAQuorumEveryApproverMustApprove() {
    Quorum rule = Quorum.of(3, null, null);
    assertEquals(3, rule.quorum());
    assertEquals(PENDING, rule.decide(2, 0));
    assertEquals(APPROVED, rule.decide(3, 0));
  }

  @Test
  void anyRejectionRejectsByDefault() {
    Quorum rule = Quorum.of(5, 2, null);
    assertEquals(1, rule.rejectionsToReject());
    assertEquals(REJECTED, rule.decide(0, 1));
    assertEquals(REJECTED, rule.decide(1, 1));
  }

  @Test
  void moreRejectionsToRejectLetTheStepWaitForTheQuorum() {
    Quorum rule = Quorum.of(5, 2, 2);
    assertEquals(PENDING, rule.decide(0, 1));
    assertEquals(APPROVED, rule.decide(2, 1));
    assertEquals(REJECTED, rule.decide(1, 2));
  }

  @Test
  void aQuorumOutOfReachRejectsBeforeTheRejectionsDo() {
    // 3 of 3 needed, 2 rejections to reject: one rejection already makes 3 approvals impossible.
    Quorum rule = Quorum.of(3, 3, 2);
    assertEquals(REJECTED, rule.decide(0, 1));
    // 2 of 3, 3 rejections to reject: two rejections leave one approver, short of 2.
    assertEquals(REJECTED, Quorum.of(3, 2, 3).decide(0, 2));
    assertEquals(PENDING, Quorum.of(3, 2, 3).decide(1, 1));
  }

  @Test
  void theQuorumWinsOnceMet() {
    // The approval that meets the quorum settles the step even with rejections to spare.
    assertEquals(APPROVED, Quorum.of(4, 2, 3).decide(2, 2));
  }

  @Test
  void reachableNeedsApproversAndAQuorumWithinThem() {
    assertTrue(Quorum.of(3, 3, null).reachable());
    assertFalse(Quorum.of(2, 3, null).reachable());
    assertFalse(Quorum.of(0, null, null).reachable());
  }

  @Test
  void refusesImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> new Quorum(3, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Quorum(3, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Quorum.of(2, 1, null).decide(2, 1));
    assertThrows(IllegalArgumentException.class, () -> Quorum.of(2, 1, null).decide(-1, 0));
  }
}

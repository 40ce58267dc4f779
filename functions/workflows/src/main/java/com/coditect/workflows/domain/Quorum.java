package com.coditect.workflows.domain;

import com.coditect.workflows.model.ApprovalStatus;

/**
 * When an approval step is settled, from its decisions so far: N of M approvers must approve
 * ({@code quorum}, all of them by default); {@code rejectionsToReject} rejections (1 by default:
 * any rejection) reject it; and once the approvers still pending can no longer bring the approvals
 * up to the quorum, it is rejected too, rather than waiting for its expiry. Expiry itself is no
 * decision: the step's expiry timer settles a step still pending as {@code expired}.
 *
 * @param approvers M, the approvers asked
 * @param quorum N, the approvals needed
 * @param rejectionsToReject the rejections that reject the step
 */
public record Quorum(int approvers, int quorum, int rejectionsToReject) {

  public Quorum {
    if (approvers < 0 || quorum < 1 || rejectionsToReject < 1) {
      throw new IllegalArgumentException("approvers >= 0, quorum >= 1 and rejections_to_reject >= 1");
    }
  }

  /** The rule of an approval node's config: {@code quorum} and {@code rejections_to_reject} default (null) to all and 1. */
  public static Quorum of(int approvers, Integer quorum, Integer rejectionsToReject) {
    return new Quorum(approvers, quorum == null ? Math.max(approvers, 1) : quorum,
        rejectionsToReject == null ? 1 : rejectionsToReject);
  }

  /** Whether the quorum can be met at all: some approver, and no more approvals needed than approvers. */
  public boolean reachable() {
    return approvers > 0 && quorum <= approvers;
  }

  /**
   * The step's state after {@code approved} approvals and {@code rejected} rejections: approved
   * once the quorum is met, rejected once enough rejected or the quorum is out of reach, else pending.
   */
  public ApprovalStatus decide(int approved, int rejected) {
    if (approved < 0 || rejected < 0 || approved + rejected > approvers) {
      throw new IllegalArgumentException("decisions must be between none and one per approver");
    }
    if (approved >= quorum) {
      return ApprovalStatus.APPROVED;
    }
    int pending = approvers - approved - rejected;
    if (rejected >= rejectionsToReject || approved + pending < quorum) {
      return ApprovalStatus.REJECTED;
    }
    return ApprovalStatus.PENDING;
  }
}

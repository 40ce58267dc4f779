package com.coditect.workflows.data;

import com.coditect.workflows.model.ApprovalStatus;
import org.jspecify.annotations.Nullable;

/**
 * One approver of an approval step as the step keeps it: their approval's id, how they were asked
 * (a team, or null for a user named by id), and where their approval stands.
 */
public record StepApprover(String approvalId, String approverId, @Nullable String teamId, ApprovalStatus status,
    @Nullable String comment, @Nullable String decidedAt) {

  /** This approver with their approval decided (or expired) at {@code at}. */
  public StepApprover decided(ApprovalStatus decision, @Nullable String withComment, String at) {
    return new StepApprover(approvalId, approverId, teamId, decision, withComment, at);
  }
}

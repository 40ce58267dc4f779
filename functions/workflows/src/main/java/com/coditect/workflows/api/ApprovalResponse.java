package com.coditect.workflows.api;

import com.coditect.workflows.data.ApprovalItem;

/** An approval as the API shows it (spec Domain 3.4); {@code approved_at} is when it was decided. */
public record ApprovalResponse(
    String id, String workflowId, long workflowVersion, String executionId, String stepId, String nodeId,
    String approverId, String teamId, String status, String comment, String approvedAt, String expiresAt,
    String createdAt, String updatedAt) {

  public static ApprovalResponse from(ApprovalItem item) {
    return new ApprovalResponse(item.id(), item.workflowId(), item.workflowVersion(), item.executionId(), item.stepId(),
        item.nodeId(), item.approverId(), item.teamId(), item.status().apiName(), item.comment(), item.approvedAt(),
        item.expiresAt(), item.createdAt(), item.updatedAt());
  }
}

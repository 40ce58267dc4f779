package com.coditect.workflows.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.workflows.model.ApprovalStatus;
import org.jspecify.annotations.Nullable;

/**
 * The filters of {@code GET /v1/approvals}; null means "not filtered". {@code approver_id=me} is the
 * caller. Whether the caller may ask for another approver, or for none, is the service's rule.
 */
public record ApprovalFilters(@Nullable ApprovalStatus status, @Nullable String approverId,
    @Nullable String workflowId, @Nullable String executionId) {

  public static ApprovalFilters from(ApiRequest request, String callerId) {
    ApprovalStatus status = request.choiceQueryParameter("status", ApprovalStatus.class).orElse(null);
    String approver = request.queryParameter("approver_id").orElse(null);
    if ("me".equals(approver)) {
      approver = callerId;
    } else if (approver != null) {
      approver = request.uuidQueryParameter("approver_id").orElseThrow();
    }
    return new ApprovalFilters(status, approver, request.uuidQueryParameter("workflow_id").orElse(null),
        request.uuidQueryParameter("execution_id").orElse(null));
  }
}

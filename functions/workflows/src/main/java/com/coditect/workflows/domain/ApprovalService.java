package com.coditect.workflows.domain;

import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.workflows.api.ApprovalFilters;
import com.coditect.workflows.api.ApprovalResponse;
import com.coditect.workflows.data.ApprovalItem;
import com.coditect.workflows.data.ApprovalRepository;
import com.coditect.workflows.model.ApprovalStatus;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * A user's view of approvals: their own (or, for an owner or admin, anyone's or everyone's), and
 * deciding their own. Who may decide, and what a decision settles, is {@link ApprovalSteps}'.
 */
@Singleton
public final class ApprovalService {

  private final ApprovalRepository approvals;
  private final ApprovalSteps steps;

  @Inject
  ApprovalService(ApprovalRepository approvals, ApprovalSteps steps) {
    this.approvals = approvals;
    this.steps = steps;
  }

  /**
   * One page: an approver's approvals (one Query on GSI1; the caller's own when no approver is
   * asked for, unless the caller is an owner or admin) or, for an owner or admin asking for no
   * approver, the tenant's (one Query on GSI2). Members and the other roles see only their own.
   */
  public ResultPage<ApprovalResponse> list(Caller caller, ApprovalFilters filters, PageRequest page) {
    String approver = filters.approverId();
    if (approver != null && !approver.equals(caller.userId()) && !caller.isAdmin()) {
      throw ForbiddenException.forField("approver_id", "only owners and admins may list another user's approvals");
    }
    if (approver == null && !caller.isAdmin()) {
      approver = caller.userId();
    }
    var found = approver == null
        ? approvals.listOfTenant(caller.tenantId(), filters.status(), filters.workflowId(), filters.executionId(), page)
        : approvals.listOfApprover(caller.tenantId(), approver, filters.status(), filters.workflowId(),
            filters.executionId(), page);
    return found.map(ApprovalResponse::from);
  }

  public Versioned<ApprovalResponse> approve(Caller caller, String approvalId, Optional<Long> ifMatch,
      @Nullable String comment) {
    return decided(steps.decide(caller, approvalId, ifMatch, ApprovalStatus.APPROVED, comment));
  }

  public Versioned<ApprovalResponse> reject(Caller caller, String approvalId, Optional<Long> ifMatch,
      @Nullable String comment) {
    return decided(steps.decide(caller, approvalId, ifMatch, ApprovalStatus.REJECTED, comment));
  }

  private static Versioned<ApprovalResponse> decided(ApprovalItem approval) {
    return new Versioned<>(ApprovalResponse.from(approval), approval.version());
  }
}

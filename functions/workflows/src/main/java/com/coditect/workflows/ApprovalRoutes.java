package com.coditect.workflows;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.workflows.api.ApprovalFilters;
import com.coditect.workflows.api.DecideApprovalRequest;
import com.coditect.workflows.domain.ApprovalService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The approval routes of API.md's Workflows table. Any role may list and decide: who may decide an
 * approval is its approver alone, which the data says (403 for anyone else).
 */
@Singleton
final class ApprovalRoutes implements RouteGroup {

  private final Lazy<ApprovalService> approvals;

  @Inject
  ApprovalRoutes(Lazy<ApprovalService> approvals) {
    this.approvals = approvals;
  }

  @Override
  public void prime() {
    approvals.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/approvals", Access.ANY_ROLE, this::list)
        .route("POST /v1/approvals/{approval_id}/approve", Access.ANY_ROLE, this::approve)
        .route("POST /v1/approvals/{approval_id}/reject", Access.ANY_ROLE, this::reject);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    ApprovalFilters filters = ApprovalFilters.from(request, caller.userId());
    return ApiResponse.ok(approvals.get().list(caller, filters, request.page()));
  }

  private ApiResponse approve(ApiRequest request, Caller caller) {
    String approvalId = request.uuidPathParameter("approval_id");
    DecideApprovalRequest body = DecideApprovalRequest.from(request);
    return ApiResponse.versioned(approvals.get().approve(caller, approvalId, request.ifMatchVersion(), body.comment()));
  }

  private ApiResponse reject(ApiRequest request, Caller caller) {
    String approvalId = request.uuidPathParameter("approval_id");
    DecideApprovalRequest body = DecideApprovalRequest.from(request);
    return ApiResponse.versioned(approvals.get().reject(caller, approvalId, request.ifMatchVersion(), body.comment()));
  }
}

package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.ApprovalStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Approval steps (their rule and approvers), by the WorkflowStep's id. */
@Singleton
public final class ApprovalStepRepository extends ItemRepository<ApprovalStepItem> {

  @Inject
  public ApprovalStepRepository(SingleTable table) {
    super(table, ApprovalStepItem.SCHEMA);
  }

  /** The approval step of a WorkflowStep: one consistent GetItem (a decision reads what the last one wrote). */
  public Optional<ApprovalStepItem> find(TenantId tenant, String stepId) {
    return Optional.ofNullable(table.getItem(r -> r.key(key(tenant, stepId)).consistentRead(true)));
  }

  /**
   * The execution's approval steps still pending: one Query of the sparse GSI1, read to the end
   * (an execution has few approval steps running at once: its parallel branches).
   */
  public List<ApprovalStepItem> pendingOfExecution(TenantId tenant, String executionId) {
    QueryConditional pending = QueryConditional.keyEqualTo(Key.builder()
        .partitionValue(WorkflowKeys.pendingApprovalStepsOfExecution(tenant, executionId)).build());
    List<ApprovalStepItem> found = new ArrayList<>();
    table.index(ItemMeta.GSI1).query(r -> r.queryConditional(pending)).forEach(page -> found.addAll(page.items()));
    return found;
  }

  /** The step listed under its execution's pending approval steps while it is pending, and not after. */
  public static ApprovalStepItem indexed(TenantId tenant, ApprovalStepItem step) {
    return step.status() == ApprovalStatus.PENDING
        ? step.withIndex1(WorkflowKeys.pendingApprovalStepsOfExecution(tenant, step.executionId()), step.stepId())
        : step.withIndex1(null, null);
  }

  public static ItemMeta newMeta(TenantId tenant, String stepId, String now) {
    return ItemMeta.created(key(tenant, stepId), ApprovalStepItem.ENTITY, now);
  }

  private static Key key(TenantId tenant, String stepId) {
    return Key.builder().partitionValue(WorkflowKeys.approvalStepPartition(tenant, stepId))
        .sortValue(WorkflowKeys.approvalStepSort()).build();
  }
}

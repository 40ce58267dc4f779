package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

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

  public static ItemMeta newMeta(TenantId tenant, String stepId, String now) {
    return ItemMeta.created(key(tenant, stepId), ApprovalStepItem.ENTITY, now);
  }

  private static Key key(TenantId tenant, String stepId) {
    return Key.builder().partitionValue(WorkflowKeys.approvalStepPartition(tenant, stepId))
        .sortValue(WorkflowKeys.approvalStepSort()).build();
  }
}

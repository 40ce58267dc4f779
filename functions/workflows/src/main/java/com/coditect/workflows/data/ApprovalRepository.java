package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.ApprovalStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Approvals by the access patterns of docs/access-patterns.md ("Approvals, waits and timers"): one
 * by id, an approver's (GSI1) and the tenant's (GSI2), each optionally of one status (a sort-key
 * prefix) and narrowed to a workflow or an execution (a filter: still one Query per page).
 */
@Singleton
public final class ApprovalRepository extends ItemRepository<ApprovalItem> {

  private final Queries queries;

  @Inject
  public ApprovalRepository(SingleTable table, Queries queries) {
    super(table, ApprovalItem.SCHEMA);
    this.queries = queries;
  }

  /** An approval of the tenant: one consistent GetItem. */
  public Optional<ApprovalItem> find(TenantId tenant, String approvalId) {
    return Optional.ofNullable(table.getItem(r -> r.key(key(tenant, approvalId)).consistentRead(true)));
  }

  /** An approver's approvals (one status, or all), by status then creation: one Query on GSI1. */
  public ResultPage<ApprovalItem> listOfApprover(TenantId tenant, String approverId, @Nullable ApprovalStatus status,
      @Nullable String workflowId, @Nullable String executionId, PageRequest page) {
    String partition = WorkflowKeys.approvalsOfApprover(tenant, approverId);
    return queries.page(table, ItemMeta.GSI1, condition(partition, status), filter(workflowId, executionId), page,
        scope(partition, status, workflowId, executionId), false);
  }

  /** The tenant's approvals (one status, or all), by status then creation: one Query on GSI2. */
  public ResultPage<ApprovalItem> listOfTenant(TenantId tenant, @Nullable ApprovalStatus status,
      @Nullable String workflowId, @Nullable String executionId, PageRequest page) {
    String partition = WorkflowKeys.approvalsOfTenant(tenant);
    return queries.page(table, ItemMeta.GSI2, condition(partition, status), filter(workflowId, executionId), page,
        scope(partition, status, workflowId, executionId), false);
  }

  public static ItemMeta newMeta(TenantId tenant, String approvalId, String now) {
    return ItemMeta.created(key(tenant, approvalId), ApprovalItem.ENTITY, now);
  }

  /** The approval with its index keys set from its approver and status. */
  public static ApprovalItem indexed(TenantId tenant, ApprovalItem approval) {
    String byStatus = WorkflowKeys.approvalsByStatusSort(approval.status().apiName(), approval.id());
    return approval.withIndex1(approval.approverId() == null ? null
            : WorkflowKeys.approvalsOfApprover(tenant, approval.approverId()), byStatus)
        .withIndex2(WorkflowKeys.approvalsOfTenant(tenant), byStatus);
  }

  /**
   * Adds "this approval, if still pending, is now {@code status}" without reading it (the step's
   * item says which are pending): status, both index sort keys and the version change in place;
   * {@code onNotPending} if it was decided meanwhile.
   */
  public void closePending(WriteTransaction tx, TenantId tenant, String approvalId, ApprovalStatus status, String now,
      Supplier<? extends RuntimeException> onNotPending) {
    String byStatus = WorkflowKeys.approvalsByStatusSort(status.apiName(), approvalId);
    Map<String, AttributeValue> values = Map.of(
        ":status", AttributeValue.fromS(status.apiName()),
        ":sort", AttributeValue.fromS(byStatus),
        ":now", AttributeValue.fromS(now),
        ":one", AttributeValue.fromN("1"));
    Expression pending = Expression.builder().expression("#status = :pending")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(Map.of(":pending", AttributeValue.fromS(ApprovalStatus.PENDING.apiName()))).build();
    tx.update(key(tenant, approvalId),
        "SET #status = :status, GSI1SK = :sort, GSI2SK = :sort, updated_at = :now ADD version :one",
        values, pending, onNotPending);
  }

  private static Key key(TenantId tenant, String approvalId) {
    return Key.builder().partitionValue(WorkflowKeys.approvalPartition(tenant, approvalId))
        .sortValue(WorkflowKeys.approvalSort()).build();
  }

  private static QueryConditional condition(String partition, @Nullable ApprovalStatus status) {
    return status == null
        ? QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())
        : QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition).sortValue(status.apiName() + "#").build());
  }

  private static @Nullable Expression filter(@Nullable String workflowId, @Nullable String executionId) {
    List<String> terms = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (workflowId != null) {
      terms.add("workflow_id = :workflow_id");
      values.put(":workflow_id", AttributeValue.fromS(workflowId));
    }
    if (executionId != null) {
      terms.add("execution_id = :execution_id");
      values.put(":execution_id", AttributeValue.fromS(executionId));
    }
    return terms.isEmpty() ? null
        : Expression.builder().expression(String.join(" AND ", terms)).expressionValues(values).build();
  }

  /** A cursor is bound to the list and every filter it was made for. */
  private static String scope(String partition, @Nullable ApprovalStatus status, @Nullable String workflowId,
      @Nullable String executionId) {
    return partition + "|" + (status == null ? "" : status.apiName()) + "|" + (workflowId == null ? "" : workflowId)
        + "|" + (executionId == null ? "" : executionId);
  }
}

package com.coditect.workflows.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * What the engine reads of the definitions: a live workflow (to start it) and a frozen version (to
 * run it). A version never changes once written, so its definition may be kept in memory.
 */
@Singleton
public final class WorkflowReads {

  private final DynamoDbTable<WorkflowItem> workflows;
  private final DynamoDbTable<WorkflowVersionItem> versions;

  @Inject
  public WorkflowReads(SingleTable table) {
    this.workflows = table.view(WorkflowItem.SCHEMA);
    this.versions = table.view(WorkflowVersionItem.SCHEMA);
  }

  /** A workflow of the tenant that is not deleted: one GetItem. */
  public Optional<WorkflowItem> findLive(TenantId tenant, String workflowId) {
    return Optional.ofNullable(workflows.getItem(workflowKey(tenant, workflowId))).filter(item -> !item.isDeleted());
  }

  /** One frozen version of a workflow: one GetItem. */
  public Optional<WorkflowVersionItem> findVersion(TenantId tenant, String workflowId, long version) {
    return Optional.ofNullable(versions.getItem(Key.builder()
        .partitionValue(WorkflowKeys.workflowPartition(tenant, workflowId))
        .sortValue(WorkflowKeys.versionSort(version)).build()));
  }

  static Key workflowKey(TenantId tenant, String workflowId) {
    return Key.builder().partitionValue(WorkflowKeys.workflowsPartition(tenant))
        .sortValue(WorkflowKeys.workflowSort(workflowId)).build();
  }
}

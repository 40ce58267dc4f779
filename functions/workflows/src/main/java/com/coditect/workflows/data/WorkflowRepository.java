package com.coditect.workflows.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads workflows by the access patterns of docs/access-patterns.md ("Definitions and lifecycle")
 * and builds their keys. A deleted workflow keeps its item (soft delete) but leaves the status and
 * type indexes, and the tenant partition's list filters it out.
 */
@Singleton
public final class WorkflowRepository extends ItemRepository<WorkflowItem> {

  private final Queries queries;

  @Inject
  public WorkflowRepository(SingleTable table, Queries queries) {
    super(table, WorkflowItem.SCHEMA);
    this.queries = queries;
  }

  /** A workflow of the tenant, deleted or not: one GetItem. */
  public Optional<WorkflowItem> find(TenantId tenant, String workflowId) {
    return Optional.ofNullable(table.getItem(WorkflowKeys.workflow(tenant, workflowId)));
  }

  /** A workflow of the tenant that is not deleted: one GetItem. */
  public Optional<WorkflowItem> findLive(TenantId tenant, String workflowId) {
    return find(tenant, workflowId).filter(item -> !item.isDeleted());
  }

  /**
   * One page of the tenant's live workflows, oldest first, narrowed by what is given: one Query —
   * on GSI1 with a status, else on GSI2 with a type, else on the tenant's workflow partition; the
   * other filters (type, project) narrow that page.
   */
  public ResultPage<WorkflowItem> list(TenantId tenant, Optional<WorkflowStatus> status, Optional<WorkflowType> type,
      Optional<String> projectId, PageRequest page) {
    String index;
    String partition;
    List<String> conditions = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (status.isPresent()) {
      index = ItemMeta.GSI1;
      partition = WorkflowKeys.workflowsByStatus(tenant, status.get().apiName());
      type.ifPresent(t -> {
        conditions.add("workflow_type = :type");
        values.put(":type", AttributeValue.fromS(t.apiName()));
      });
    } else if (type.isPresent()) {
      index = ItemMeta.GSI2;
      partition = WorkflowKeys.workflowsByType(tenant, type.get().apiName());
    } else {
      index = null;
      partition = WorkflowKeys.workflowsPartition(tenant);
      // Only here: a deleted workflow has left both indexes.
      conditions.add("attribute_not_exists(deleted_at)");
    }
    projectId.ifPresent(p -> {
      conditions.add("project_id = :project");
      values.put(":project", AttributeValue.fromS(p));
    });
    Expression filter = conditions.isEmpty() ? null : Expression.builder()
        .expression(String.join(" AND ", conditions))
        .expressionValues(values.isEmpty() ? null : values)
        .build();
    String scope = partition + "|" + type.map(WorkflowType::apiName).orElse("") + "|" + projectId.orElse("");
    return queries.page(table, index, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        filter, page, scope, false);
  }

  /** Adds a check that the project a workflow names is a live project of the tenant (tenancy's item). */
  public void requireLiveProject(WriteTransaction tx, TenantId tenant, String projectId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(CoreKeys.project(tenant, projectId), onMissing);
  }

  /** A new workflow's key, entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String workflowId, String now) {
    return ItemMeta.created(WorkflowKeys.workflow(tenant, workflowId), WorkflowItem.ENTITY, now);
  }

  /** The workflow with its index keys set from its status and type; a deleted one is in neither index. */
  public static WorkflowItem indexed(TenantId tenant, WorkflowItem workflow) {
    if (workflow.isDeleted()) {
      return workflow.withIndex1(null, null).withIndex2(null, null);
    }
    return workflow.withIndex1(WorkflowKeys.workflowsByStatus(tenant, workflow.status().apiName()), workflow.id())
        .withIndex2(WorkflowKeys.workflowsByType(tenant, workflow.workflowType().apiName()), workflow.id());
  }
}

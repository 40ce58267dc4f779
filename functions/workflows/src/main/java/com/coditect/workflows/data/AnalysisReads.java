package com.coditect.workflows.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the analysis and the diagram read besides their aggregates: the workflow (its current
 * definition), a frozen version's definition, and one execution with its steps.
 */
@Singleton
public final class AnalysisReads {

  private final DynamoDbTable<WorkflowItem> workflows;
  private final DynamoDbTable<WorkflowVersionItem> versions;
  private final SingleTable table;

  @Inject
  public AnalysisReads(SingleTable table) {
    this.table = table;
    this.workflows = table.view(WorkflowItem.SCHEMA);
    this.versions = table.view(WorkflowVersionItem.SCHEMA);
  }

  /** The tenant's workflow, unless deleted (one GetItem). */
  public Optional<WorkflowItem> findWorkflow(TenantId tenant, String workflowId) {
    WorkflowItem item = workflows.getItem(r -> r.key(Key.builder()
        .partitionValue(WorkflowKeys.workflowsPartition(tenant)).sortValue(WorkflowKeys.workflowSort(workflowId))
        .build())
        .consistentRead(true));
    return Optional.ofNullable(item).filter(found -> !found.isDeleted());
  }

  /** A frozen version of the workflow (one GetItem). */
  public Optional<WorkflowVersionItem> findVersion(TenantId tenant, String workflowId, long version) {
    return Optional.ofNullable(versions.getItem(r -> r.key(Key.builder()
        .partitionValue(WorkflowKeys.workflowPartition(tenant, workflowId))
        .sortValue(WorkflowKeys.versionSort(version)).build()).consistentRead(true)));
  }

  /** An execution and its steps, in order of creation: one Query of the execution's partition. */
  public Optional<ExecutionWithSteps> findExecution(TenantId tenant, String executionId) {
    String partition = WorkflowKeys.executionPartition(tenant, executionId);
    ExecutionItem execution = null;
    List<StepItem> steps = new ArrayList<>();
    var query = table.lowLevel().queryPaginator(q -> q.tableName(table.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk").expressionAttributeValues(
            Map.of(":pk", AttributeValue.fromS(partition))));
    for (var item : query.items()) {
      String entity = item.containsKey("entity_type") ? item.get("entity_type").s() : "";
      if (ExecutionItem.ENTITY.equals(entity)) {
        execution = ExecutionItem.SCHEMA.mapToItem(item);
      } else if (StepItem.ENTITY.equals(entity)) {
        steps.add(StepItem.SCHEMA.mapToItem(item));
      }
    }
    return execution == null || execution.isDeleted() ? Optional.empty()
        : Optional.of(new ExecutionWithSteps(execution, List.copyOf(steps)));
  }

  /** One execution and its steps. */
  public record ExecutionWithSteps(ExecutionItem execution, List<StepItem> steps) {}
}

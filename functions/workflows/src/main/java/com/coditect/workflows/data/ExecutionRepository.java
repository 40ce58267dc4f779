package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.model.ExecutionStatus;
import com.coditect.workflows.model.StepStatus;
import com.coditect.workflows.model.WorkflowStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Executions and their steps (one partition per execution), by the access patterns of
 * docs/access-patterns.md, and the write parts of a transition: the execution conditional on the
 * version read, a step conditional on its own version (so on the status it was read in), the
 * workflow checked active.
 */
@Singleton
public final class ExecutionRepository extends ItemRepository<ExecutionItem> {

  private final SingleTable single;
  private final DynamoDbTable<StepItem> steps;
  private final Queries queries;

  @Inject
  public ExecutionRepository(SingleTable table, Queries queries) {
    super(table, ExecutionItem.SCHEMA);
    this.single = table;
    this.steps = table.view(StepItem.SCHEMA);
    this.queries = queries;
  }

  /** An execution with its steps, oldest step first. */
  public record ExecutionWithSteps(ExecutionItem execution, List<StepItem> steps) {}

  /** An execution of the tenant: one GetItem. */
  public Optional<ExecutionItem> find(TenantId tenant, String executionId) {
    return Optional.ofNullable(table.getItem(executionKey(tenant, executionId)));
  }

  /**
   * An execution and all its steps: one Query of its partition (a further page only past 1 MB, which
   * the step cap and the 64 KB bound on outputs keep rare). Strongly consistent: the engine reads
   * right after the transaction whose event it handles, and an eventually consistent read could
   * miss the step that event names and drop it.
   */
  public Optional<ExecutionWithSteps> findWithSteps(TenantId tenant, String executionId) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(single.name()).consistentRead(true)
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(WorkflowKeys.executionPartition(tenant, executionId))));
    ExecutionItem execution = null;
    List<StepItem> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      if (start != null) {
        query.exclusiveStartKey(start);
      }
      QueryResponse page = single.lowLevel().query(query.build());
      for (Map<String, AttributeValue> item : page.items()) {
        String type = item.containsKey("entity_type") ? item.get("entity_type").s() : "";
        if (ExecutionItem.ENTITY.equals(type)) {
          execution = ExecutionItem.SCHEMA.mapToItem(item);
        } else if (StepItem.ENTITY.equals(type)) {
          found.add(StepItem.SCHEMA.mapToItem(item));
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return execution == null ? Optional.empty() : Optional.of(new ExecutionWithSteps(execution, List.copyOf(found)));
  }

  /** A workflow's executions, newest first, optionally in one status: one Query on GSI1. */
  public ResultPage<ExecutionItem> listByWorkflow(TenantId tenant, String workflowId, Optional<ExecutionStatus> status,
      PageRequest page) {
    String partition = WorkflowKeys.executionsOfWorkflow(tenant, workflowId);
    QueryConditional condition = QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
    Expression filter = status.map(wanted -> Expression.builder().expression("#status = :status")
        .expressionNames(Map.of("#status", "status"))
        .expressionValues(Map.of(":status", AttributeValue.fromS(wanted.apiName()))).build()).orElse(null);
    return queries.page(table, ItemMeta.GSI1, condition, filter, page,
        partition + status.map(wanted -> "#" + wanted.apiName()).orElse(""), true);
  }

  public static ItemMeta newMeta(TenantId tenant, String executionId, String now) {
    return ItemMeta.created(executionKey(tenant, executionId), ExecutionItem.ENTITY, now);
  }

  public static ItemMeta newStepMeta(TenantId tenant, String executionId, String stepId, String now) {
    return ItemMeta.created(stepKey(tenant, executionId, stepId), StepItem.ENTITY, now);
  }

  /** The execution with its index keys: its workflow's list (newest first by start) and the tenant's by status. */
  public static ExecutionItem indexed(TenantId tenant, ExecutionItem execution) {
    return execution.withIndex1(WorkflowKeys.executionsOfWorkflow(tenant, execution.workflowId()),
            WorkflowKeys.executionsOfWorkflowSort(execution.startedAt(), execution.id()))
        .withIndex2(WorkflowKeys.executionsByStatus(tenant, execution.status().apiName()), execution.id());
  }

  /** Adds a new step; its id is new, so a clash is a bug. */
  public void createStep(WriteTransaction tx, StepItem step) {
    tx.create(steps, step, () -> new IllegalStateException("step id collision"));
  }

  /** Adds a step's change, conditional on the version read: a duplicate or late event finds it changed. */
  public void replaceStep(WriteTransaction tx, StepItem step, long readVersion, Supplier<? extends RuntimeException> onStale) {
    tx.replace(steps, step, readVersion, onStale);
  }

  /** Adds the check that the workflow exists, is not deleted, and is active (publishing is what starts executions). */
  public void requireWorkflowActive(WriteTransaction tx, TenantId tenant, String workflowId,
      Supplier<? extends RuntimeException> onNotActive) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":active", AttributeValue.fromS(WorkflowStatus.ACTIVE.apiName()));
    tx.require(WorkflowKeys.workflow(tenant, workflowId), Expression.builder()
        .expression("attribute_exists(PK) AND attribute_not_exists(deleted_at) AND #status = :active")
        .expressionNames(Map.of("#status", "status")).expressionValues(values).build(), onNotActive);
  }

  /** Whether a step is in one of the statuses that still change. */
  public static boolean isOpen(StepItem step) {
    return step.status() == StepStatus.RUNNING || step.status() == StepStatus.PENDING;
  }

  private static Key executionKey(TenantId tenant, String executionId) {
    return Key.builder().partitionValue(WorkflowKeys.executionPartition(tenant, executionId))
        .sortValue(WorkflowKeys.executionSort()).build();
  }

  private static Key stepKey(TenantId tenant, String executionId, String stepId) {
    return Key.builder().partitionValue(WorkflowKeys.executionPartition(tenant, executionId))
        .sortValue(WorkflowKeys.stepSort(stepId)).build();
  }
}

package com.coditect.pm.data;

import com.coditect.pm.api.TaskFilters;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The task lists: each filter picks one list partition (see {@link PmKeys}) and is one Query per
 * page; further filters narrow that Query with a filter expression.
 */
@Singleton
public final class TaskQueries {

  /** Above every id character: "due#~" sorts after every row of that due time. */
  private static final String AFTER_IDS = "#~";

  private final DynamoDbTable<TaskItem> tasks;
  private final Queries queries;

  @Inject
  public TaskQueries(SingleTable table, Queries queries) {
    this.tasks = table.view(TaskItem.SCHEMA);
    this.queries = queries;
  }

  /** A page of a project's live tasks matching {@code filters}. */
  public ResultPage<TaskItem> inProject(TenantId tenant, String projectId, TaskFilters filters, PageRequest page) {
    if (filters.dueAfter() != null && filters.dueBefore() != null && filters.dueAfter().compareTo(filters.dueBefore()) >= 0) {
      // Nothing is due after a time and before an earlier one; DynamoDB refuses such a BETWEEN.
      return new ResultPage<>(List.of(), null);
    }
    Filter filter = new Filter();
    filter.add("project_id", projectId);
    String partition;
    QueryConditional condition;
    if (filters.sprintId() != null) {
      partition = PmKeys.tasksOfSprint(tenant, filters.sprintId());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.milestoneId() != null) {
      partition = PmKeys.tasksOfMilestone(tenant, filters.milestoneId());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.parentTaskId() != null) {
      partition = PmKeys.subtasks(tenant, filters.parentTaskId());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.assigneeId() != null) {
      partition = PmKeys.tasksByAssignee(tenant, projectId, filters.assigneeId());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.status() != null) {
      partition = PmKeys.tasksByStatus(tenant, projectId, filters.status());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.tag() != null) {
      partition = PmKeys.tasksByTag(tenant, projectId, filters.tag());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.taskType() != null) {
      partition = PmKeys.tasksByType(tenant, projectId, filters.taskType());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.priority() != null) {
      partition = PmKeys.tasksByPriority(tenant, projectId, filters.priority());
      condition = QueryConditional.keyEqualTo(key(partition));
    } else if (filters.dueBefore() != null || filters.dueAfter() != null) {
      partition = PmKeys.tasksByDueDate(tenant, projectId);
      condition = dueRange(partition, filters.dueAfter(), filters.dueBefore());
    } else {
      partition = PmKeys.projectTasks(tenant, projectId, false);
      condition = QueryConditional.keyEqualTo(key(partition));
    }
    // The key condition chose one filter; the others narrow its partition.
    filter.add("sprint_id", filters.sprintId());
    filter.add("milestone_id", filters.milestoneId());
    filter.add("parent_task_id", filters.parentTaskId());
    filter.add("assignee_id", filters.assigneeId());
    filter.add("status", filters.status());
    filter.add("task_type", filters.taskType());
    filter.add("priority", filters.priority());
    filter.addTag(filters.tag());
    filter.addDueRange(filters.dueAfter(), filters.dueBefore());
    return queries.page(tasks, null, condition, filter.expression(), page, scope(partition, filters), false);
  }

  /**
   * A page of the tenant's tasks across projects, by due date (undated last): an assignee's, or
   * all with a status; the other filters narrow it.
   */
  public ResultPage<TaskItem> acrossProjects(TenantId tenant, TaskFilters filters, PageRequest page) {
    Filter filter = new Filter();
    String partition;
    if (filters.assigneeId() != null) {
      partition = PmKeys.tasksOfAssignee(tenant, filters.assigneeId());
      filter.add("status", filters.status());
    } else {
      partition = PmKeys.tasksWithStatus(tenant, filters.status());
    }
    QueryConditional condition = filters.dueBefore() == null
        ? QueryConditional.keyEqualTo(key(partition))
        : QueryConditional.sortLessThan(key(partition, filters.dueBefore()));
    return queries.page(tasks, null, condition, filter.expression(), page, scope(partition, filters), false);
  }

  /**
   * The board rows of a project's column of {@code status} that sort after {@code afterSortKey}
   * (null: from the column's top), nearest first, at most {@code limit}: one Query, strongly
   * consistent, for renumbering ranks where a column is crowded.
   */
  public List<TaskItem> boardColumnAfter(TenantId tenant, String projectId, String status, String afterSortKey,
      int limit) {
    String partition = PmKeys.boardRows(tenant, projectId);
    QueryConditional range = afterSortKey == null
        ? QueryConditional.sortBetween(key(partition, status + "#"), key(partition, status + "$"))
        : QueryConditional.sortBetween(key(partition, afterSortKey), key(partition, status + "$"));
    List<TaskItem> rows = new ArrayList<>();
    tasks.query(QueryEnhancedRequest.builder().queryConditional(range).consistentRead(true).limit(limit + 1).build())
        .stream().findFirst().ifPresent(page -> page.items().stream()
            .filter(row -> !row.sk.equals(afterSortKey)).limit(limit).forEach(rows::add));
    return rows;
  }

  private static QueryConditional dueRange(String partition, String after, String before) {
    if (after != null && before != null) {
      return QueryConditional.sortBetween(key(partition, after + AFTER_IDS), key(partition, before));
    }
    if (after != null) {
      return QueryConditional.sortGreaterThan(key(partition, after + AFTER_IDS));
    }
    return QueryConditional.sortLessThan(key(partition, before));
  }

  /** The cursor is bound to the list and every filter, so it cannot be replayed on another. */
  private static String scope(String partition, TaskFilters filters) {
    return partition + "|" + filters;
  }

  private static Key key(String partition) {
    return Key.builder().partitionValue(partition).build();
  }

  private static Key key(String partition, String sort) {
    return Key.builder().partitionValue(partition).sortValue(sort).build();
  }

  /** Builds a filter expression from equality and range terms; none -> no filter. */
  private static final class Filter {
    private final List<String> terms = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    void add(String attribute, String value) {
      if (value == null) {
        return;
      }
      int n = terms.size();
      names.put("#f" + n, attribute);
      values.put(":f" + n, AttributeValue.fromS(value));
      terms.add("#f" + n + " = :f" + n);
    }

    void addTag(String tag) {
      if (tag == null) {
        return;
      }
      int n = terms.size();
      values.put(":f" + n, AttributeValue.fromS(tag));
      terms.add("contains(tags, :f" + n + ")");
    }

    void addDueRange(String after, String before) {
      int n = terms.size();
      if (after != null) {
        values.put(":after" + n, AttributeValue.fromS(after));
        terms.add("due_date > :after" + n);
      }
      if (before != null) {
        values.put(":before" + n, AttributeValue.fromS(before));
        terms.add("due_date < :before" + n);
      }
    }

    Expression expression() {
      if (terms.isEmpty()) {
        return null;
      }
      var builder = Expression.builder().expression(String.join(" AND ", terms)).expressionValues(values);
      if (!names.isEmpty()) {
        builder.expressionNames(names);
      }
      return builder.build();
    }
  }
}

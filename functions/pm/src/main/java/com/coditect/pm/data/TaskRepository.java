package com.coditect.pm.data;

import com.coditect.pm.api.TaskFilters;
import com.coditect.pm.model.TaskStatus;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tasks: reads by the access patterns of docs/access-patterns.md (each task list filter picks one
 * list partition, see {@link PmKeys}, and is one Query per page; further filters narrow that Query
 * with a filter expression), and the parts a task write adds to its transaction (the task, its
 * rows of {@link TaskRows}, its project's counter, checks on the chain above a new parent, ranks
 * renumbered on a crowded board).
 */
@Singleton
public final class TaskRepository extends ItemRepository<TaskItem> {

  /** A task's human key: the project key (2-10 capitals or digits) and a number. */
  public static final Pattern TASK_KEY = Pattern.compile("^[A-Z][A-Z0-9]{1,9}-[1-9][0-9]{0,9}$");

  /** Above every id character: "due#~" sorts after every row of that due time. */
  private static final String AFTER_IDS = "#~";
  private static final String COUNTER_ENTITY = "TASK_COUNTER";

  private final Queries queries;
  private final BatchReads reads;

  @Inject
  public TaskRepository(SingleTable table, Queries queries, BatchReads reads) {
    super(table, TaskItem.SCHEMA);
    this.queries = queries;
    this.reads = reads;
  }

  // ------------------------------------------------------------------------------------------
  // one task

  /**
   * A live task, all of it, by id (one GetItem) or by key ({@code ENG-42}: the key row's GetItem
   * gives the id, then the task's). {@code idOrKey} must already be a valid UUID or key.
   */
  public Optional<TaskItem> findLive(TenantId tenant, String idOrKey) {
    return idOf(tenant, idOrKey).flatMap(id -> Optional.ofNullable(table.getItem(PmKeys.task(tenant, id))))
        .filter(task -> !task.isDeleted());
  }

  /**
   * What lists show of a live task, in one GetItem: the task itself by id, its key row by key (a
   * row, without the description and custom fields). For what needs only the id and that it lives.
   */
  public Optional<TaskItem> findLiveRow(TenantId tenant, String idOrKey) {
    return Optional.ofNullable(table.getItem(readKey(tenant, idOrKey))).filter(task -> !task.isDeleted());
  }

  /**
   * The id of the live task {@code idOrKey} names: the reference itself when it is an id (no
   * call), else what its key row says (one GetItem); empty when a key names no live task.
   */
  public Optional<String> idOf(TenantId tenant, String idOrKey) {
    return isKey(idOrKey) ? findLiveRow(tenant, idOrKey).map(TaskItem::id) : Optional.of(idOrKey);
  }

  /** Where a task is read from in one call: its item by id, or its key row (a row) by key. */
  public static Key readKey(TenantId tenant, String idOrKey) {
    return isKey(idOrKey) ? PmKeys.taskKeyRow(tenant, idOrKey) : PmKeys.task(tenant, idOrKey);
  }

  /** True for a human key ({@code ENG-42}), false for an id. */
  public static boolean isKey(String idOrKey) {
    return TASK_KEY.matcher(idOrKey).matches();
  }

  /** A task by id, deleted or not: one GetItem. */
  public Optional<TaskItem> findAny(TenantId tenant, String taskId) {
    return Optional.ofNullable(table.getItem(PmKeys.task(tenant, taskId)));
  }

  /**
   * The tasks of {@code taskIds} that exist, deleted or not, by id: one BatchGetItem (one GetItem
   * for a single id). The one read a task change makes before its transaction.
   */
  public Map<String, TaskItem> findAll(TenantId tenant, Collection<String> taskIds) {
    BatchReads.Found found = reads.get(taskIds.stream().map(id -> PmKeys.task(tenant, id)).toList());
    Map<String, TaskItem> tasks = new LinkedHashMap<>();
    taskIds.forEach(id -> found.task(PmKeys.task(tenant, id)).ifPresent(task -> tasks.put(id, task)));
    return tasks;
  }

  /**
   * What a create reads before its transaction, in one BatchGetItem: the project (its key, if it
   * lives), the project's task counter (the last number given, null before the first task), the
   * parent if one is named, and the record of the request's {@code Idempotency-Key} if it has one.
   */
  public CreateReads readForCreate(TenantId tenant, String projectId, String parentTaskId, Optional<Key> recordKey) {
    Key projectKey = ProjectRepository.key(tenant, projectId);
    Key counterKey = PmKeys.taskCounter(tenant, projectId);
    List<Key> wanted = new ArrayList<>(List.of(projectKey, counterKey));
    if (parentTaskId != null) {
      wanted.add(PmKeys.task(tenant, parentTaskId));
    }
    recordKey.ifPresent(wanted::add);
    BatchReads.Found found = reads.get(wanted);
    Optional<String> liveProjectKey = found.raw(projectKey).filter(item -> !item.containsKey("deleted_at"))
        .map(item -> item.get("key").s());
    Long lastNumber = found.raw(counterKey).map(item -> Long.parseLong(item.get("last_number").n())).orElse(null);
    Optional<TaskItem> parent = parentTaskId == null ? Optional.empty() : found.task(PmKeys.task(tenant, parentTaskId));
    return new CreateReads(liveProjectKey, lastNumber, parent,
        IdempotencyRecordRepository.fromRead(recordKey.flatMap(found::raw).orElse(null)));
  }

  /**
   * What a create read: the live project's key (empty: no such project), the counter's last number
   * (null: none given yet), the parent as stored (deleted or not), and the idempotency record as
   * read (null: none), for {@code Idempotency.Lookup.claim}.
   */
  public record CreateReads(Optional<String> projectKey, Long lastNumber, Optional<TaskItem> parent,
      IdempotencyItem idempotencyRecord) {}

  // ------------------------------------------------------------------------------------------
  // lists

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
    return queries.page(table, null, condition, filter.expression(), page, scope(partition, filters), false);
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
    return queries.page(table, null, condition, filter.expression(), page, scope(partition, filters), false);
  }

  /**
   * The board rows of a project's column of {@code status} that sort after {@code afterSortKey}
   * (null: from the column's top), nearest first, at most {@code limit}: one Query, strongly
   * consistent, for renumbering ranks where a column is crowded.
   */
  public List<TaskItem> boardColumnAfter(TenantId tenant, String projectId, TaskStatus column, String afterSortKey,
      int limit) {
    String partition = PmKeys.boardRows(tenant, projectId);
    String status = column.apiName();
    QueryConditional range = afterSortKey == null
        ? QueryConditional.sortBetween(key(partition, status + "#"), key(partition, status + "$"))
        : QueryConditional.sortBetween(key(partition, afterSortKey), key(partition, status + "$"));
    List<TaskItem> rows = new ArrayList<>();
    table.query(QueryEnhancedRequest.builder().queryConditional(range).consistentRead(true).limit(limit + 1).build())
        .stream().findFirst().ifPresent(page -> page.items().stream()
            .filter(row -> !row.meta().sk().equals(afterSortKey)).limit(limit).forEach(rows::add));
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

  /** Every row of a sprint's task list (rows are read before any is changed): a Query per page. */
  public List<TaskItem> rowsOfSprint(TenantId tenant, String sprintId) {
    return rowsOf(PmKeys.tasksOfSprint(tenant, sprintId));
  }

  /** Every row of a milestone's task list. */
  public List<TaskItem> rowsOfMilestone(TenantId tenant, String milestoneId) {
    return rowsOf(PmKeys.tasksOfMilestone(tenant, milestoneId));
  }

  /** Every row of a user's tasks, in every project. */
  public List<TaskItem> rowsOfAssignee(TenantId tenant, String userId) {
    return rowsOf(PmKeys.tasksOfAssignee(tenant, userId));
  }

  /** Every row of a task's subtasks. */
  public List<TaskItem> rowsOfSubtasks(TenantId tenant, String parentTaskId) {
    return rowsOf(PmKeys.subtasks(tenant, parentTaskId));
  }

  private List<TaskItem> rowsOf(String partition) {
    List<TaskItem> rows = new ArrayList<>();
    table.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(key(partition))).build())
        .items().forEach(rows::add);
    return rows;
  }

  // ------------------------------------------------------------------------------------------
  // write parts

  /** Adds the rows of a new or restored task (its list rows and key row, see {@link TaskRows}). */
  public void putRows(WriteTransaction tx, TenantId tenant, TaskItem task) {
    TaskRows.of(tenant, task).forEach(row -> put(tx, row));
  }

  /** Puts the task's current rows and deletes the rows of lists it left. */
  public void replaceRows(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after) {
    List<TaskItem> newRows = TaskRows.of(tenant, after);
    Set<String> kept = new HashSet<>();
    newRows.forEach(row -> kept.add(row.meta().pk() + "\n" + row.meta().sk()));
    for (TaskItem old : TaskRows.of(tenant, before)) {
      if (!kept.contains(old.meta().pk() + "\n" + old.meta().sk())) {
        tx.delete(key(old.meta().pk(), old.meta().sk()));
      }
    }
    newRows.forEach(row -> put(tx, row));
  }

  /**
   * Moves the project's task counter from {@code lastNumber} (as read; null: none yet) to
   * {@code number}; the transaction fails with {@code onMoved} if another write moved it meanwhile.
   */
  public void claimNumber(WriteTransaction tx, TenantId tenant, String projectId, Long lastNumber, long number,
      Supplier<? extends RuntimeException> onMoved) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":next", AttributeValue.fromN(Long.toString(number)));
    values.put(":entity", AttributeValue.fromS(COUNTER_ENTITY));
    Expression condition = lastNumber == null
        ? Expression.builder().expression("attribute_not_exists(PK)").build()
        : Expression.builder().expression("last_number = :last")
            .expressionValues(Map.of(":last", AttributeValue.fromN(Long.toString(lastNumber)))).build();
    tx.update(PmKeys.taskCounter(tenant, projectId), "SET last_number = :next, entity_type = :entity", values,
        condition, onMoved);
  }

  /** A new task's key (from its id), entity type, first version and creation time. */
  public static ItemMeta newMeta(TenantId tenant, String taskId, String now) {
    return ItemMeta.created(PmKeys.task(tenant, taskId), TaskItem.ENTITY, now);
  }

  /** Checks that a task lives (a new or restored task's parent); fails with {@code onMissing}. */
  public void requireLive(WriteTransaction tx, TenantId tenant, String taskId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(PmKeys.task(tenant, taskId), onMissing);
  }

  /**
   * Checks that {@code link}, read in the chain above a new parent, still hangs under the parent it
   * was read with (and, if {@code mustLive}, is not deleted); fails with {@code onMoved}.
   */
  public void requireSameParent(WriteTransaction tx, TenantId tenant, TaskItem link, boolean mustLive,
      Supplier<? extends RuntimeException> onMoved) {
    StringBuilder condition = new StringBuilder("attribute_exists(PK)");
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    if (mustLive) {
      condition.append(" AND attribute_not_exists(deleted_at)");
    }
    if (link.parentTaskId() == null) {
      condition.append(" AND attribute_not_exists(parent_task_id)");
    } else {
      condition.append(" AND parent_task_id = :parent");
      values.put(":parent", AttributeValue.fromS(link.parentTaskId()));
    }
    Expression expression = Expression.builder().expression(condition.toString())
        .expressionValues(values.isEmpty() ? null : values).build();
    tx.require(PmKeys.task(tenant, link.id()), expression, onMoved);
  }

  /**
   * Gives the task of board row {@code row} the rank {@code rank}: its rank and version in place,
   * conditional on the version the row showed (fails with {@code onChanged} if the task changed or
   * was deleted meanwhile), and its board row moved to the new rank. No history, no event.
   */
  public void renumber(WriteTransaction tx, TenantId tenant, TaskItem row, String rank,
      Supplier<? extends RuntimeException> onChanged) {
    TaskItem ranked = row.withRank(rank);
    // The board row's sort key holds the rank, so the moved row has a key of its own.
    TaskItem moved = ranked.withMeta(ranked.meta().withVersion(row.version() + 1).withSk(ranked.boardSortKey()));
    tx.update(PmKeys.task(tenant, row.id()), "SET #rank = :rank, version = :next",
        Map.of(":rank", AttributeValue.fromS(rank), ":next", AttributeValue.fromN(Long.toString(moved.version()))),
        Expression.builder().expression("version = :read AND attribute_not_exists(deleted_at)")
            .expressionNames(Map.of("#rank", "rank"))
            .expressionValues(Map.of(":read", AttributeValue.fromN(Long.toString(row.version())))).build(),
        onChanged);
    tx.delete(key(row.meta().pk(), row.meta().sk()));
    put(tx, moved);
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

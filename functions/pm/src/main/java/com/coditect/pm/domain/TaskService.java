package com.coditect.pm.domain;

import com.coditect.pm.api.ActivityResponse;
import com.coditect.pm.api.CreateTaskRequest;
import com.coditect.pm.api.TaskFilters;
import com.coditect.pm.api.TaskResponse;
import com.coditect.pm.api.TaskSummary;
import com.coditect.pm.api.UpdateTaskRequest;
import com.coditect.pm.data.ActivityItem;
import com.coditect.pm.data.BatchReads;
import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.ProjectLookup;
import com.coditect.pm.data.TaskChildLists;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskQueries;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.data.TaskRows;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tasks: create, read, change, soft delete and restore. Every write is one transaction holding the
 * task, its list rows (see {@link TaskRows}), one history row per changed field, the milestone
 * counters it moves, checks on what it references, and its event; at most one read precedes it.
 */
@Singleton
public final class TaskService {

  /** Creates racing for the same task number retry with the next one; more than this is a 409. */
  private static final int CREATE_ATTEMPTS = 5;
  private static final List<String> OPEN_SPRINT_STATUSES = List.of("planned", "active");

  private final TaskRepository tasks;
  private final TaskQueries queries;
  private final ProjectLookup projects;
  private final TaskChildLists childLists;
  private final DynamoDbTable<ActivityItem> activityRows;
  private final BatchReads reads;
  private final Transactions transactions;
  private final Outbox outbox;
  private final ActivityLog activity;
  private final Clock clock;

  @Inject
  TaskService(TaskRepository tasks, TaskQueries queries, ProjectLookup projects, TaskChildLists childLists,
      SingleTable table, BatchReads reads, Transactions transactions, Outbox outbox, ActivityLog activity,
      Clock clock) {
    this.tasks = tasks;
    this.queries = queries;
    this.projects = projects;
    this.childLists = childLists;
    this.activityRows = table.view(ActivityItem.SCHEMA);
    this.reads = reads;
    this.transactions = transactions;
    this.outbox = outbox;
    this.activity = activity;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------------------
  // reads

  public Versioned<TaskResponse> get(Caller caller, String taskRef) {
    TenantId tenant = caller.tenantId();
    TaskItem task = tasks.findLive(tenant, taskRef).orElseThrow(TaskService::notFound);
    return new Versioned<>(TaskResponse.from(task), task.version);
  }

  /**
   * A page of a project's tasks: one Query. Only an empty first page costs a GetItem more, to tell
   * a project with no such tasks (200, empty) from one that is not the tenant's (404).
   */
  public ResultPage<TaskSummary> listInProject(Caller caller, String projectId, TaskFilters filters,
      PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<TaskItem> items = queries.inProject(tenant, projectId, filters, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(TaskSummary::from);
  }

  /** A page of the tenant's tasks across projects (an assignee's, or by status): one Query. */
  public ResultPage<TaskSummary> listAcrossProjects(Caller caller, TaskFilters filters, PageRequest page) {
    return queries.acrossProjects(caller.tenantId(), filters, page).map(TaskSummary::from);
  }

  /**
   * A page of a task's history, newest first: one Query by id (a key costs a GetItem first); 404
   * for a task that is unknown or deleted (see {@link TaskChildLists}).
   */
  public ResultPage<ActivityResponse> activity(Caller caller, String taskRef, PageRequest page) {
    TenantId tenant = caller.tenantId();
    String taskId = tasks.idOf(tenant, taskRef).orElseThrow(TaskService::notFound);
    return childLists.newestFirst(activityRows, tenant, taskId, PmKeys.ACTIVITY, null, page)
        .orElseThrow(TaskService::notFound).map(ActivityResponse::from);
  }

  // ------------------------------------------------------------------------------------------
  // create

  /**
   * Creates a task with the project's next number: one BatchGetItem (project, its counter, the
   * parent, the Idempotency-Key's record) and one transaction, which also moves the counter on only
   * if no one else did.
   */
  public Created<TaskResponse> create(Caller caller, String projectId, CreateTaskRequest request,
      Idempotency.Lookup idempotency) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tryCreate(caller, projectId, request, idempotency);
      } catch (CounterMoved e) {
        if (attempt == CREATE_ATTEMPTS) {
          throw new ConflictException("Many tasks were being created in this project at once; try again.");
        }
      }
    }
  }

  private Created<TaskResponse> tryCreate(Caller caller, String projectId, CreateTaskRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    Actor actor = caller.actor();
    Key projectKey = CoreKeys.project(tenant, projectId);
    Key counterKey = PmKeys.taskCounter(tenant, projectId);
    List<Key> wanted = new ArrayList<>(List.of(projectKey, counterKey));
    if (request.parentTaskId() != null) {
      wanted.add(PmKeys.task(tenant, request.parentTaskId()));
    }
    idempotency.recordKey().ifPresent(wanted::add);
    BatchReads.Found found = reads.get(wanted);
    // A retried request ends here with its first response.
    IdempotencyClaim claim = idempotency.claim(idempotency.recordKey().flatMap(found::raw).orElse(null));
    Map<String, AttributeValue> project = found.raw(projectKey)
        .filter(item -> !item.containsKey("deleted_at"))
        .orElseThrow(() -> new NotFoundException("The project was not found."));
    Long lastNumber = found.raw(counterKey).map(item -> Long.parseLong(item.get("last_number").n())).orElse(null);
    TaskItem parent = null;
    if (request.parentTaskId() != null) {
      parent = found.task(PmKeys.task(tenant, request.parentTaskId()))
          .filter(p -> !p.isDeleted() && projectId.equals(p.projectId))
          .orElseThrow(() -> UnprocessableException.forField("parent_task_id", "is not a task of this project"));
      // A new task has no subtasks, so it cannot close a loop: the parent's own path tells its depth.
      if (ancestorsBelow(parent).size() > ParentChain.MAX_DEPTH) {
        throw UnprocessableException.forField("parent_task_id",
            "would put this task more than " + ParentChain.MAX_DEPTH + " levels below its top-level task");
      }
    }

    String now = Timestamps.now(clock);
    long number = lastNumber == null ? 1 : lastNumber + 1;
    TaskItem task = new TaskItem();
    task.id = Ids.newId();
    task.stampNew(PmKeys.task(tenant, task.id), TaskItem.ENTITY, now);
    task.key = project.get("key").s() + "-" + number;
    task.number = number;
    task.projectId = projectId;
    task.title = request.title();
    task.description = request.description();
    task.taskType = request.taskType();
    task.status = request.status();
    task.priority = request.priority();
    task.assigneeId = request.assigneeId();
    task.reporterId = caller.userId();
    task.sprintId = request.sprintId();
    task.milestoneId = request.milestoneId();
    task.parentTaskId = request.parentTaskId();
    task.ancestorIds = parent == null ? List.of() : ancestorsBelow(parent);
    task.storyPoints = request.storyPoints();
    task.dueDate = request.dueDate();
    task.tags = request.tags() == null ? List.of() : request.tags();
    task.customFields = request.customFields() == null ? "{}" : JsonText.write(request.customFields());
    task.rank = Ranks.forNewTask(clock.millis());
    applyStatusTimes(task, null, now);

    TaskResponse view = TaskResponse.from(task);
    WriteTransaction tx = transactions.begin();
    claimNumber(tx, counterKey, lastNumber, number);
    tasks.create(tx, task, () -> new IllegalStateException("task id collision"));
    TaskRows.of(tenant, task).forEach(row -> tasks.put(tx, row));
    childLists.writeAnchors(tx, tenant, task.id);
    tx.requireLive(projectKey, () -> new NotFoundException("The project was not found."));
    checkReferences(tx, tenant, null, task);
    adjustMilestones(tx, tenant, null, task);
    activity.add(tx, tenant, task.id, caller.userId(), "created", null, null, task.key, now);
    outbox.record(tx, tenant, actor, "task.created", "task", task.id, null, view);
    Created<TaskResponse> created = new Created<>("/v1/tasks/" + task.id, view, task.version);
    claim.attach(tx, created);
    TaskWriteLimits.check(task, tx);
    commit(tx);
    return created;
  }

  /** Moves the project's counter from the number read to the one taken, or fails if it moved. */
  private static void claimNumber(WriteTransaction tx, Key counterKey, Long lastNumber, long number) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    values.put(":next", AttributeValue.fromN(Long.toString(number)));
    values.put(":entity", AttributeValue.fromS("TASK_COUNTER"));
    Expression condition = lastNumber == null
        ? Expression.builder().expression("attribute_not_exists(PK)").build()
        : Expression.builder().expression("last_number = :last")
            .expressionValues(Map.of(":last", AttributeValue.fromN(Long.toString(lastNumber)))).build();
    tx.update(counterKey, "SET last_number = :next, entity_type = :entity", values, condition, CounterMoved::new);
  }

  // ------------------------------------------------------------------------------------------
  // update

  /**
   * Applies a PATCH: one BatchGetItem (the task, a new parent, the rank neighbours), then one
   * transaction; a task named by key costs a GetItem first (its key row gives the id), a move under
   * a parent that has one a read of the chain above it ({@link ParentChain}), a placement into a
   * crowded board spot a Query of the tasks after it ({@link #place}). A PATCH that changes nothing
   * writes nothing.
   */
  public Versioned<TaskResponse> update(Caller caller, String taskRef, Optional<Long> ifMatch,
      UpdateTaskRequest request) {
    TenantId tenant = caller.tenantId();
    Actor actor = caller.actor();
    Key taskKey = PmKeys.task(tenant, tasks.idOf(tenant, taskRef).orElseThrow(TaskService::notFound));
    List<Key> wanted = new ArrayList<>(List.of(taskKey));
    String newParentId = request.parentTaskId().isPresent() ? request.parentTaskId().value() : null;
    if (newParentId != null) {
      wanted.add(PmKeys.task(tenant, newParentId));
    }
    if (request.rankAfterTaskId() != null) {
      wanted.add(PmKeys.task(tenant, request.rankAfterTaskId()));
    }
    if (request.rankBeforeTaskId() != null) {
      wanted.add(PmKeys.task(tenant, request.rankBeforeTaskId()));
    }
    BatchReads.Found found = reads.get(wanted);
    TaskItem task = found.task(taskKey).filter(t -> !t.isDeleted()).orElseThrow(TaskService::notFound)
        .asEntity(tenant);
    Preconditions.checkIfMatch(ifMatch, task.version);

    TaskItem before = task.copy();
    String now = Timestamps.now(clock);
    task.title = request.title().orElse(task.title);
    task.description = request.description().orElse(task.description);
    task.taskType = request.taskType().orElse(task.taskType);
    task.status = request.status().orElse(task.status);
    task.priority = request.priority().orElse(task.priority);
    task.assigneeId = request.assigneeId().orElse(task.assigneeId);
    task.sprintId = request.sprintId().orElse(task.sprintId);
    task.milestoneId = request.milestoneId().orElse(task.milestoneId);
    task.storyPoints = request.storyPoints().orElse(task.storyPoints);
    task.dueDate = request.dueDate().orElse(task.dueDate);
    task.tags = request.tags().orElse(task.tags);
    if (request.customFields().isPresent()) {
      task.customFields = request.customFields().value() == null ? "{}" : JsonText.write(request.customFields().value());
    }
    List<TaskItem> chain = List.of();
    if (request.parentTaskId().isPresent() && !Objects.equals(request.parentTaskId().value(), before.parentTaskId)) {
      TaskItem newParent = newParentId == null ? null : found.task(PmKeys.task(tenant, newParentId)).orElse(null);
      chain = reparent(tenant, task, newParent);
    }
    Placement placement = Placement.NONE;
    if (request.movesRank()) {
      placement = place(tenant, task, request, found, chain);
      task.rank = placement.rank();
    }
    applyStatusTimes(task, before.status, now);

    TaskResponse beforeView = TaskResponse.from(before);
    if (TaskResponse.from(task).equals(beforeView)) {
      return new Versioned<>(beforeView, before.version);
    }
    WriteTransaction tx = writeUpdate(tenant, actor, caller.userId(), before, task, ifMatch.isPresent(), Set.of(),
        chain, now);
    placement.renumber(tx, tenant, tasks);
    // writeUpdate checked its own parts; the renumbered ones join the same transaction.
    TaskWriteLimits.check(task, tx);
    commit(tx);
    return new Versioned<>(TaskResponse.from(task), task.version);
  }

  /**
   * The transaction of a change to a live task (its version already read as {@code before}):
   * the task, its rows, reference checks (for a move, the {@code chain} above the new parent, see
   * {@link #requireChain}), milestone counters (except on milestones that are gone), one history
   * row per changed field, and the {@code task.updated} event; refused if DynamoDB would refuse it
   * ({@link TaskWriteLimits}). Not committed.
   */
  private WriteTransaction writeUpdate(TenantId tenant, Actor actor, String userId, TaskItem before, TaskItem task,
      boolean ifMatchSent, Set<String> goneMilestones, List<TaskItem> chain, String now) {
    task.version = before.version + 1;
    task.updatedAt = now;
    WriteTransaction tx = transactions.begin();
    tasks.replace(tx, task, before.version, Preconditions.stale(ifMatchSent));
    replaceRows(tx, tenant, before, task);
    checkReferences(tx, tenant, before, task);
    requireChain(tx, tenant, chain);
    adjustMilestones(tx, tenant, before, task, goneMilestones);
    Map<String, FieldChange> changes = Changes.between(TaskResponse.from(before), TaskResponse.from(task));
    changes.forEach((field, change) -> {
      if (!field.equals("updated_at")) {
        activity.add(tx, tenant, task.id, userId, actionFor(field), field, change.oldValue(), change.newValue(), now);
      }
    });
    outbox.record(tx, tenant, actor, "task.updated", "task", task.id, changes);
    TaskWriteLimits.check(task, tx);
    return tx;
  }

  private static String actionFor(String field) {
    return switch (field) {
      case "status" -> "status_changed";
      case "assignee_id" -> "assigned";
      case "rank" -> "ranked";
      case "parent_task_id" -> "moved";
      default -> "updated";
    };
  }

  /**
   * Puts the task under {@code parent} (null: top level), refusing other projects, cycles and
   * depths beyond {@link ParentChain#MAX_DEPTH}: the chain above the parent is read from the tasks
   * themselves ({@link ParentChain}; one BatchGetItem when their paths are current). Returns that
   * chain, nearest first (empty at the top level), for the write to check it still holds.
   */
  private List<TaskItem> reparent(TenantId tenant, TaskItem task, TaskItem parent) {
    if (parent == null) {
      task.parentTaskId = null;
      task.ancestorIds = List.of();
      return List.of();
    }
    if (parent.isDeleted() || !task.projectId.equals(parent.projectId)) {
      throw UnprocessableException.forField("parent_task_id", "is not a task of this project");
    }
    List<TaskItem> chain = ParentChain.above(task.id, parent, ids -> {
      Map<String, TaskItem> found = new LinkedHashMap<>();
      BatchReads.Found read = reads.get(ids.stream().map(id -> PmKeys.task(tenant, id)).toList());
      ids.forEach(id -> read.task(PmKeys.task(tenant, id)).ifPresent(item -> found.put(id, item)));
      return found;
    });
    task.parentTaskId = parent.id;
    List<String> ancestors = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      ancestors.add(chain.get(i).id);
    }
    task.ancestorIds = List.copyOf(ancestors);
    return chain;
  }

  /**
   * Checks, in the move's transaction, that each task of the chain read above the new parent still
   * hangs where it was read (and the parent still lives): a concurrent move in the same tree then
   * fails this one instead of closing a loop that neither saw.
   */
  private static void requireChain(WriteTransaction tx, TenantId tenant, List<TaskItem> chain) {
    for (int i = 0; i < chain.size(); i++) {
      TaskItem link = chain.get(i);
      StringBuilder condition = new StringBuilder("attribute_exists(PK)");
      Map<String, AttributeValue> values = new LinkedHashMap<>();
      if (i == 0) {
        condition.append(" AND attribute_not_exists(deleted_at)");
      }
      if (link.parentTaskId == null) {
        condition.append(" AND attribute_not_exists(parent_task_id)");
      } else {
        condition.append(" AND parent_task_id = :parent");
        values.put(":parent", AttributeValue.fromS(link.parentTaskId));
      }
      Expression expression = Expression.builder().expression(condition.toString())
          .expressionValues(values.isEmpty() ? null : values).build();
      tx.require(PmKeys.task(tenant, link.id), expression, i == 0
          ? gone("parent_task_id", "is not a live task of this project, or it moved meanwhile")
          : () -> new ConflictException("A task above the new parent moved meanwhile; try again."));
    }
  }

  private static List<String> ancestorsBelow(TaskItem parent) {
    List<String> ancestors = new ArrayList<>(parent.ancestorIds == null ? List.of() : parent.ancestorIds);
    ancestors.add(parent.id);
    return List.copyOf(ancestors);
  }

  /**
   * Where a moved task goes on its board: between its neighbours' ranks ({@link Ranks}). A spot
   * crowded past {@link Ranks#MAX_LENGTH} is rebalanced: the tasks after it in its column (one
   * consistent Query of the board rows) are renumbered with the moved one, in this write. Tasks the
   * write already touches otherwise (its parent chain) bound the renumbering instead of joining it.
   */
  private Placement place(TenantId tenant, TaskItem task, UpdateTaskRequest request, BatchReads.Found found,
      List<TaskItem> chain) {
    TaskItem after = neighbour(tenant, task, request.rankAfterTaskId(), "rank_after_task_id", found);
    TaskItem before = neighbour(tenant, task, request.rankBeforeTaskId(), "rank_before_task_id", found);
    if (after != null && before != null && after.rank.compareTo(before.rank) >= 0) {
      throw UnprocessableException.forField("rank_before_task_id",
          "must be ranked after rank_after_task_id; fetch the board and retry");
    }
    String rank = Ranks.between(after == null ? null : after.rank, before == null ? null : before.rank);
    if (Ranks.fits(rank)) {
      return new Placement(rank, List.of(), List.of());
    }
    TaskItem anchor = after != null ? after : before;
    Set<String> fixed = new HashSet<>();
    chain.forEach(link -> fixed.add(link.id));
    List<TaskItem> movable = new ArrayList<>();
    String limit = null;
    for (TaskItem row : queries.boardColumnAfter(tenant, anchor.projectId, anchor.status,
        after == null ? null : after.boardSortKey(), Ranks.REBALANCE_WINDOW + 2)) {
      if (row.id.equals(task.id)) {
        continue;
      }
      if (fixed.contains(row.id) || movable.size() == Ranks.REBALANCE_WINDOW) {
        limit = row.rank;
        break;
      }
      movable.add(row);
    }
    List<String> ranks = Ranks.rebalance(after == null ? null : after.rank,
        movable.stream().map(row -> row.rank).toList(), limit).orElseThrow(() -> new ConflictException(
            "This spot of the board is too crowded to place a task in; place it next to other tasks."));
    return new Placement(ranks.get(0), movable.subList(0, ranks.size() - 1), ranks.subList(1, ranks.size()));
  }

  private static TaskItem neighbour(TenantId tenant, TaskItem task, String id, String field, BatchReads.Found found) {
    if (id == null) {
      return null;
    }
    if (id.equals(task.id)) {
      throw UnprocessableException.forField(field, "cannot be the task itself");
    }
    return found.task(PmKeys.task(tenant, id))
        .filter(n -> !n.isDeleted() && task.projectId.equals(n.projectId))
        .orElseThrow(() -> UnprocessableException.forField(field, "is not a task of this project"));
  }

  // ------------------------------------------------------------------------------------------
  // changes the platform makes (event consumers)

  /**
   * Takes a live task out of a completed or deleted sprint: into {@code toSprintId}, or the backlog
   * (null) if that is null or no longer open. False when the task had already left the sprint (a
   * redelivered event changes nothing).
   */
  public boolean moveOutOfSprint(TenantId tenant, Actor actor, String taskId, String fromSprintId, String toSprintId) {
    return systemChange(tenant, actor, taskId, task -> fromSprintId.equals(task.sprintId),
        task -> task.sprintId = toSprintId, task -> task.sprintId = null, Set.of());
  }

  /** Clears a deleted milestone from a live task (its counters are gone with it). */
  public boolean detachFromMilestone(TenantId tenant, Actor actor, String taskId, String milestoneId) {
    return systemChange(tenant, actor, taskId, task -> milestoneId.equals(task.milestoneId),
        task -> task.milestoneId = null, null, Set.of(milestoneId));
  }

  /** Unassigns a live task from a deleted user. */
  public boolean unassign(TenantId tenant, Actor actor, String taskId, String userId) {
    return systemChange(tenant, actor, taskId, task -> userId.equals(task.assigneeId),
        task -> task.assigneeId = null, null, Set.of());
  }

  /**
   * Sets a live task's ancestor path to {@code parentPath} (its parent's path and the parent) if it
   * differs: a task moved under another parent changes the paths of all its subtasks, which the
   * consumer walks level by level. Returns the task as now stored (empty if gone).
   */
  public Optional<TaskItem> refreshAncestors(TenantId tenant, String taskId, List<String> parentPath) {
    TaskItem task = tasks.findAny(tenant, taskId).filter(t -> !t.isDeleted()).orElse(null);
    if (task == null) {
      return Optional.empty();
    }
    // null: the moved task itself, whose own path its PATCH already set.
    if (parentPath != null && !parentPath.equals(task.ancestorIds)) {
      TaskItem before = task.copy();
      task.ancestorIds = List.copyOf(parentPath);
      task.version = before.version + 1;
      WriteTransaction tx = transactions.begin();
      tasks.replace(tx, task, before.version, Preconditions.stale(false));
      replaceRows(tx, tenant, before, task);
      tx.commit();
    }
    return Optional.of(task);
  }

  /**
   * One change by the platform to a live task, if {@code applies}: written like a user's PATCH
   * (rows, counters, history with no user, event). If a reference fails its check, {@code
   * fallback} (if any) is applied once and the write retried; a concurrent writer makes it read again.
   */
  private boolean systemChange(TenantId tenant, Actor actor, String taskId, Predicate<TaskItem> applies,
      Consumer<TaskItem> change, Consumer<TaskItem> fallback, Set<String> goneMilestones) {
    boolean fallenBack = false;
    for (int attempt = 1; ; attempt++) {
      TaskItem task = tasks.findAny(tenant, taskId).filter(t -> !t.isDeleted()).orElse(null);
      if (task == null || !applies.test(task)) {
        return false;
      }
      TaskItem before = task.copy();
      change.accept(task);
      if (fallenBack) {
        fallback.accept(task);
      }
      try {
        writeUpdate(tenant, actor, null, before, task, false, goneMilestones, List.of(), Timestamps.now(clock))
            .commit();
        return true;
      } catch (ReferenceGone gone) {
        if (fallenBack || fallback == null) {
          throw gone.asError();
        }
        fallenBack = true;
      } catch (ConflictException raced) {
        if (attempt == CREATE_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // delete and restore

  /** Soft delete: the task leaves every list and board; its history and comments stay. */
  public void delete(Caller caller, String taskRef, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    Actor actor = caller.actor();
    TaskItem task = tasks.findLive(tenant, taskRef).orElseThrow(TaskService::notFound).asEntity(tenant);
    requireReporterOrAdmin(caller, task);
    Preconditions.checkIfMatch(ifMatch, task.version);
    TaskItem before = task.copy();
    String now = Timestamps.now(clock);
    task.deletedAt = now;
    task.updatedAt = now;
    task.version = before.version + 1;
    WriteTransaction tx = transactions.begin();
    tasks.replace(tx, task, before.version, Preconditions.stale(ifMatch.isPresent()));
    replaceRows(tx, tenant, before, task);
    childLists.deleteAnchors(tx, tenant, task.id);
    adjustMilestones(tx, tenant, before, task);
    activity.add(tx, tenant, task.id, caller.userId(), "deleted", null, null, null, now);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("deleted_at", new FieldChange(null, now));
    outbox.record(tx, tenant, actor, "task.deleted", "task", task.id, changes);
    commit(tx);
  }

  /**
   * Undoes a soft delete. A reference that went away meanwhile (a deleted sprint, milestone,
   * parent or assignee) is let go, as its deletion did for the live tasks; each costs one retry.
   */
  public Versioned<TaskResponse> restore(Caller caller, String taskRef) {
    TenantId tenant = caller.tenantId();
    Actor actor = caller.actor();
    if (TaskRepository.isKey(taskRef)) {
      // A deleted task keeps no key row: its key resolves only while it lives.
      throw notFound();
    }
    TaskItem task = tasks.findAny(tenant, taskRef).orElseThrow(TaskService::notFound);
    requireReporterOrAdmin(caller, task);
    if (!task.isDeleted()) {
      throw new ConflictException("The task is not deleted.");
    }
    TaskItem before = task.copy();
    String now = Timestamps.now(clock);
    task.deletedAt = null;
    task.updatedAt = now;
    task.version = before.version + 1;
    for (int attempt = 1; ; attempt++) {
      WriteTransaction tx = transactions.begin();
      tasks.replace(tx, task, before.version, Preconditions.stale(false));
      replaceRows(tx, tenant, before, task);
      childLists.writeAnchors(tx, tenant, task.id);
      checkReferences(tx, tenant, before, task);
      adjustMilestones(tx, tenant, before, task);
      activity.add(tx, tenant, task.id, caller.userId(), "restored", null, null, null, now);
      Map<String, FieldChange> changes = new LinkedHashMap<>(
          Changes.between(TaskResponse.from(before), TaskResponse.from(task)));
      changes.put("deleted_at", new FieldChange(before.deletedAt, null));
      outbox.record(tx, tenant, actor, "task.restored", "task", task.id, changes);
      TaskWriteLimits.check(task, tx);
      try {
        tx.commit();
        return new Versioned<>(TaskResponse.from(task), task.version);
      } catch (ReferenceGone gone) {
        if (attempt > 4) {
          throw gone.asError();
        }
        switch (gone.field) {
          case "sprint_id" -> task.sprintId = null;
          case "milestone_id" -> task.milestoneId = null;
          case "assignee_id" -> task.assigneeId = null;
          case "parent_task_id" -> {
            task.parentTaskId = null;
            task.ancestorIds = List.of();
          }
          default -> throw gone.asError();
        }
      }
    }
  }

  private static void requireReporterOrAdmin(Caller caller, TaskItem task) {
    if (!caller.isAdmin() && !caller.userId().equals(task.reporterId)) {
      throw new ForbiddenException("Only the task's reporter or an admin may delete or restore it.");
    }
  }

  // ------------------------------------------------------------------------------------------
  // the parts every task write shares

  /** started_at: the first move into in_progress (kept after); completed_at: while done. */
  private static void applyStatusTimes(TaskItem task, String oldStatus, String now) {
    if ("in_progress".equals(task.status) && task.startedAt == null) {
      task.startedAt = now;
    }
    if ("done".equals(task.status)) {
      if (!"done".equals(oldStatus)) {
        task.completedAt = now;
      }
    } else {
      task.completedAt = null;
    }
  }

  /** Puts the task's current rows and deletes the rows of lists it left. */
  private void replaceRows(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after) {
    List<TaskItem> newRows = TaskRows.of(tenant, after);
    Set<String> kept = new HashSet<>();
    newRows.forEach(row -> kept.add(row.pk + "\n" + row.sk));
    for (TaskItem old : TaskRows.of(tenant, before)) {
      if (!kept.contains(old.pk + "\n" + old.sk)) {
        tx.delete(Key.builder().partitionValue(old.pk).sortValue(old.sk).build());
      }
    }
    newRows.forEach(row -> tasks.put(tx, row));
  }

  /**
   * Checks, in the transaction, the references that changed: the assignee is a live user of the
   * tenant, the sprint an open sprint of the project, the parent of a new or restored task a live
   * task. Milestones are checked by their counter updates, a moved task's parent by the chain.
   */
  private static void checkReferences(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after) {
    boolean wasLive = before != null && !before.isDeleted();
    if (after.assigneeId != null && (!wasLive || !after.assigneeId.equals(before.assigneeId))) {
      tx.requireLive(CoreKeys.user(tenant, after.assigneeId), gone("assignee_id", "is not a user of this tenant"));
    }
    if (after.sprintId != null && (!wasLive || !after.sprintId.equals(before.sprintId))) {
      tx.require(PmKeys.sprint(tenant, after.sprintId), Expression.builder()
              .expression("attribute_exists(PK) AND project_id = :project AND (#status = :planned OR #status = :active)")
              .expressionNames(Map.of("#status", "status"))
              .expressionValues(Map.of(":project", AttributeValue.fromS(after.projectId),
                  ":planned", AttributeValue.fromS(OPEN_SPRINT_STATUSES.get(0)),
                  ":active", AttributeValue.fromS(OPEN_SPRINT_STATUSES.get(1))))
              .build(),
          gone("sprint_id", "is not a planned or active sprint of this project"));
    }
    // A PATCH that moves the task checks its new parent with the chain above it (requireChain):
    // one part per item, so it is not checked here as well.
    if (after.parentTaskId != null && !wasLive) {
      tx.requireLive(PmKeys.task(tenant, after.parentTaskId), gone("parent_task_id", "is not a task of this project"));
    }
  }

  /**
   * Moves milestone progress: a live task counts toward its milestone's total unless cancelled, and
   * toward its done count when done. Counters change with {@code ADD}, so concurrent task writes on
   * one milestone never lose each other's counts; the condition also checks that the milestone is
   * one of the task's project.
   */
  private static void adjustMilestones(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after) {
    adjustMilestones(tx, tenant, before, after, Set.of());
  }

  private static void adjustMilestones(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after,
      Set<String> goneMilestones) {
    Map<String, long[]> deltas = new LinkedHashMap<>();
    if (before != null && before.milestoneId != null) {
      long[] share = share(before);
      deltas.computeIfAbsent(before.milestoneId, m -> new long[2]);
      deltas.get(before.milestoneId)[0] -= share[0];
      deltas.get(before.milestoneId)[1] -= share[1];
    }
    if (after.milestoneId != null) {
      long[] share = share(after);
      deltas.computeIfAbsent(after.milestoneId, m -> new long[2]);
      deltas.get(after.milestoneId)[0] += share[0];
      deltas.get(after.milestoneId)[1] += share[1];
    }
    boolean newMilestone = after.milestoneId != null
        && (before == null || before.isDeleted() || !after.milestoneId.equals(before.milestoneId));
    goneMilestones.forEach(deltas::remove);
    deltas.forEach((milestoneId, delta) -> {
      boolean checkProject = newMilestone && milestoneId.equals(after.milestoneId);
      if (delta[0] == 0 && delta[1] == 0 && !checkProject) {
        return;
      }
      Expression condition = Expression.builder()
          .expression("attribute_exists(PK) AND project_id = :project")
          .expressionValues(Map.of(":project", AttributeValue.fromS(after.projectId)))
          .build();
      tx.update(PmKeys.milestone(tenant, milestoneId), "ADD task_total :total, task_done :done",
          Map.of(":total", AttributeValue.fromN(Long.toString(delta[0])),
              ":done", AttributeValue.fromN(Long.toString(delta[1]))),
          condition, gone("milestone_id", "is not a milestone of this project"));
    });
  }

  /** What a task adds to its milestone: {total, done}. */
  private static long[] share(TaskItem task) {
    if (task.isDeleted() || "cancelled".equals(task.status)) {
      return new long[] {0, 0};
    }
    return new long[] {1, "done".equals(task.status) ? 1 : 0};
  }

  /** Commits; a reference found missing by the transaction is a 422 naming its field. */
  private static void commit(WriteTransaction tx) {
    try {
      tx.commit();
    } catch (ReferenceGone gone) {
      throw gone.asError();
    }
  }

  private static Supplier<ReferenceGone> gone(String field, String message) {
    return () -> new ReferenceGone(field, message);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The task was not found.");
  }

  /**
   * A moved task's new rank, and the board rows of the tasks a crowded spot renumbers with it (each
   * to the rank at the same place in {@code ranks}).
   */
  private record Placement(String rank, List<TaskItem> renumbered, List<String> ranks) {

    static final Placement NONE = new Placement(null, List.of(), List.of());

    /**
     * Renumbers in {@code tx}: each task's rank and version in place, conditional on the version
     * its board row showed (a task changed meanwhile fails the move, 409), and its board row moved
     * to the new rank. A renumbering keeps the order, so it writes no history and no event.
     */
    void renumber(WriteTransaction tx, TenantId tenant, TaskRepository tasks) {
      for (int i = 0; i < renumbered.size(); i++) {
        TaskItem row = renumbered.get(i);
        if (row.rank.equals(ranks.get(i))) {
          // Spread out, a task may land where it was: nothing to write (and a delete and a put of
          // one board row would be two operations on one item, which a transaction refuses).
          continue;
        }
        TaskItem moved = row.copy();
        moved.rank = ranks.get(i);
        moved.version = row.version + 1;
        moved.sk = moved.boardSortKey();
        tx.update(PmKeys.task(tenant, row.id), "SET #rank = :rank, version = :next",
            Map.of(":rank", AttributeValue.fromS(moved.rank), ":next", AttributeValue.fromN(moved.version.toString())),
            Expression.builder().expression("version = :read AND attribute_not_exists(deleted_at)")
                .expressionNames(Map.of("#rank", "rank"))
                .expressionValues(Map.of(":read", AttributeValue.fromN(row.version.toString()))).build(),
            () -> new ConflictException("A task next to the new place changed meanwhile; try again."));
        tx.delete(Key.builder().partitionValue(row.pk).sortValue(row.sk).build());
        tasks.put(tx, moved);
      }
    }
  }

  /** The counter moved between our read and our write: another task took the number. */
  private static final class CounterMoved extends RuntimeException {
    CounterMoved() {
      super(null, null, false, false);
    }
  }

  /** A referenced item is missing or does not fit: a 422 naming the field (restore may let it go). */
  private static final class ReferenceGone extends RuntimeException {
    final String field;

    ReferenceGone(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    UnprocessableException asError() {
      return UnprocessableException.forField(field, getMessage());
    }
  }
}

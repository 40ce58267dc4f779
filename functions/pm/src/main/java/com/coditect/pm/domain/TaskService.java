package com.coditect.pm.domain;

import com.coditect.pm.api.ActivityResponse;
import com.coditect.pm.api.CreateTaskRequest;
import com.coditect.pm.api.TaskFilters;
import com.coditect.pm.api.TaskResponse;
import com.coditect.pm.api.TaskSummaryResponse;
import com.coditect.pm.api.UpdateTaskRequest;
import com.coditect.pm.data.ActivityRepository;
import com.coditect.pm.data.ProjectRepository;
import com.coditect.pm.data.TaskChildLists;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
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
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.ResultPage;
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
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What a user does to tasks: create, read, list, change, soft delete, restore, and read a task's
 * history. Every write is one transaction holding the task, its list rows, one history row per
 * changed field, the milestone counters it moves, checks on what it references, and its event
 * ({@link TaskWrites}); at most one read precedes it. What follows from other resources' events
 * is {@link TaskFollowUps}'.
 */
@Singleton
public final class TaskService {

  private final TaskRepository tasks;
  private final ProjectRepository projects;
  private final TaskChildLists childLists;
  private final ActivityRepository history;
  private final TaskWrites writes;
  private final Transactions transactions;
  private final Outbox outbox;
  private final ActivityLog activity;
  private final Clock clock;

  @Inject
  TaskService(TaskRepository tasks, ProjectRepository projects, TaskChildLists childLists, ActivityRepository history,
      TaskWrites writes, Transactions transactions, Outbox outbox, ActivityLog activity, Clock clock) {
    this.tasks = tasks;
    this.projects = projects;
    this.childLists = childLists;
    this.history = history;
    this.writes = writes;
    this.transactions = transactions;
    this.outbox = outbox;
    this.activity = activity;
    this.clock = clock;
  }

  // ------------------------------------------------------------------------------------------
  // reads

  public Versioned<TaskResponse> get(Caller caller, String taskRef) {
    TaskItem task = tasks.findLive(caller.tenantId(), taskRef).orElseThrow(TaskService::notFound);
    return new Versioned<>(TaskResponse.from(task), task.version());
  }

  /**
   * A page of a project's tasks: one Query. Only an empty first page costs a GetItem more, to tell
   * a project with no such tasks (200, empty) from one that is not the tenant's (404).
   */
  public ResultPage<TaskSummaryResponse> listInProject(Caller caller, String projectId, TaskFilters filters,
      PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<TaskItem> items = tasks.inProject(tenant, projectId, filters, page);
    if (items.items().isEmpty() && page.cursor().isEmpty() && !projects.isLive(tenant, projectId)) {
      throw new NotFoundException("The project was not found.");
    }
    return items.map(TaskSummaryResponse::from);
  }

  /** A page of the tenant's tasks across projects (an assignee's, or by status): one Query. */
  public ResultPage<TaskSummaryResponse> listAcrossProjects(Caller caller, TaskFilters filters, PageRequest page) {
    return tasks.acrossProjects(caller.tenantId(), filters, page).map(TaskSummaryResponse::from);
  }

  /**
   * A page of a task's history, newest first: one Query by id (a key costs a GetItem first); 404
   * for a task that is unknown or deleted (see {@link TaskChildLists}).
   */
  public ResultPage<ActivityResponse> activity(Caller caller, String taskRef, PageRequest page) {
    TenantId tenant = caller.tenantId();
    String taskId = tasks.idOf(tenant, taskRef).orElseThrow(TaskService::notFound);
    return history.newestFirst(tenant, taskId, page).orElseThrow(TaskService::notFound).map(ActivityResponse::from);
  }

  // ------------------------------------------------------------------------------------------
  // create

  /**
   * Creates a task with the project's next number: one BatchGetItem (project, its counter, the
   * parent, the Idempotency-Key's record) and one transaction, which also moves the counter on only
   * if no one else did. Creates racing for a number retry with the next one ({@link RetryPolicy});
   * losing every time is a 409.
   */
  public Created<TaskResponse> create(Caller caller, String projectId, CreateTaskRequest request,
      Idempotency.Lookup idempotency) {
    String id = Ids.newId();
    return RetryPolicy.run(CounterMoved.class, () -> tryCreate(caller.tenantId(), caller.actor(), caller.userId(), id,
        projectId, request, idempotency,
        () -> new IllegalStateException("task id collision"), (view, tx) -> { }), moved -> { },
        moved -> new ConflictException("Many tasks were being created in this project at once; try again."));
  }

  /**
   * The task a workflow's action step asked for ({@code action.requested}), with the request's id
   * as its id: a redelivered request finds the id taken and creates nothing ({@code onIdTaken}).
   * {@code answer} adds the workflow's answer to the same transaction, so it exists exactly when
   * the task does.
   */
  public Created<TaskResponse> createRequested(TenantId tenant, Actor actor, String reporterId, String requestId,
      String projectId, CreateTaskRequest request, Supplier<? extends RuntimeException> onIdTaken,
      BiConsumer<TaskResponse, WriteTransaction> answer) {
    return RetryPolicy.run(CounterMoved.class, () -> tryCreate(tenant, actor, reporterId, requestId, projectId, request,
        null, onIdTaken, answer), moved -> { },
        moved -> new ConflictException("Many tasks were being created in this project at once; try again."));
  }

  /** @param idempotency the request's Idempotency-Key, or null for a create that is no request (a workflow's) */
  private Created<TaskResponse> tryCreate(TenantId tenant, Actor actor, String reporterId, String id, String projectId,
      CreateTaskRequest request, Idempotency.Lookup idempotency, Supplier<? extends RuntimeException> onIdTaken,
      BiConsumer<TaskResponse, WriteTransaction> extra) {
    TaskRepository.CreateReads read = tasks.readForCreate(tenant, projectId, request.parentTaskId(),
        idempotency == null ? Optional.empty() : idempotency.recordKey());
    // A retried request ends here with its first response.
    IdempotencyClaim claim = idempotency == null ? IdempotencyClaim.none() : idempotency.claim(read.idempotencyRecord());
    String projectKey = read.projectKey().orElseThrow(() -> new NotFoundException("The project was not found."));
    TaskItem parent = null;
    if (request.parentTaskId() != null) {
      parent = read.parent()
          .filter(p -> !p.isDeleted() && projectId.equals(p.projectId()))
          .orElseThrow(() -> UnprocessableException.forField("parent_task_id", "is not a task of this project"));
      // A new task has no subtasks, so it cannot close a loop: the parent's own path tells its depth.
      if (ancestorsBelow(parent).size() > ParentChain.MAX_DEPTH) {
        throw UnprocessableException.forField("parent_task_id",
            "would put this task more than " + ParentChain.MAX_DEPTH + " levels below its top-level task");
      }
    }

    String now = Timestamps.now(clock);
    Long lastNumber = read.lastNumber();
    long number = lastNumber == null ? 1 : lastNumber + 1;
    TaskItem task = TaskWrites.applyStatusTimes(TaskItem.builder()
        .meta(TaskRepository.newMeta(tenant, id, now))
        .id(id)
        .key(projectKey + "-" + number)
        .number(number)
        .projectId(projectId)
        .title(request.title())
        .description(request.description())
        .taskType(request.taskType())
        .status(request.status())
        .priority(request.priority())
        .assigneeId(request.assigneeId())
        .reporterId(reporterId)
        .sprintId(request.sprintId())
        .milestoneId(request.milestoneId())
        .parentTaskId(request.parentTaskId())
        .ancestorIds(parent == null ? List.of() : ancestorsBelow(parent))
        .storyPoints(request.storyPoints())
        .dueDate(request.dueDate())
        .tags(request.tags() == null ? List.of() : request.tags())
        .customFields(request.customFields() == null ? "{}" : JsonText.write(request.customFields()))
        .rank(Ranks.forNewTask(clock.millis()))
        .build(), null, now);

    TaskResponse view = TaskResponse.from(task);
    WriteTransaction tx = transactions.begin();
    tasks.claimNumber(tx, tenant, projectId, lastNumber, number, CounterMoved::new);
    tasks.create(tx, task, onIdTaken);
    tasks.putRows(tx, tenant, task);
    childLists.writeAnchors(tx, tenant, task.id());
    projects.requireLive(tx, tenant, projectId, () -> new NotFoundException("The project was not found."));
    writes.checkReferences(tx, tenant, null, task);
    writes.adjustMilestones(tx, tenant, null, task, Set.of());
    activity.add(tx, tenant, task.id(), reporterId, "created", null, null, task.key(), now);
    outbox.record(tx, tenant, actor, "task.created", "task", task.id(), null, view);
    extra.accept(view, tx);
    Created<TaskResponse> created = new Created<>("/v1/tasks/" + task.id(), view, task.version());
    claim.attach(tx, created);
    TaskWriteLimits.check(task, tx);
    TaskWrites.commit(tx);
    return created;
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
    String taskId = tasks.idOf(tenant, taskRef).orElseThrow(TaskService::notFound);
    List<String> wanted = new ArrayList<>(List.of(taskId));
    String newParentId = request.parentTaskId().isPresent() ? request.parentTaskId().value() : null;
    if (newParentId != null) {
      wanted.add(newParentId);
    }
    if (request.rankAfterTaskId() != null) {
      wanted.add(request.rankAfterTaskId());
    }
    if (request.rankBeforeTaskId() != null) {
      wanted.add(request.rankBeforeTaskId());
    }
    Map<String, TaskItem> found = tasks.findAll(tenant, wanted);
    TaskItem before = Optional.ofNullable(found.get(taskId)).filter(t -> !t.isDeleted())
        .orElseThrow(TaskService::notFound).asEntity(tenant);
    Preconditions.checkIfMatch(ifMatch, before.version());

    String now = Timestamps.now(clock);
    TaskItem task = before.withTitle(request.title().orElse(before.title()))
        .withDescription(request.description().orElse(before.description()))
        .withTaskType(request.taskType().orElse(before.taskType()))
        .withStatus(request.status().orElse(before.status()))
        .withPriority(request.priority().orElse(before.priority()))
        .withAssigneeId(request.assigneeId().orElse(before.assigneeId()))
        .withSprintId(request.sprintId().orElse(before.sprintId()))
        .withMilestoneId(request.milestoneId().orElse(before.milestoneId()))
        .withStoryPoints(request.storyPoints().orElse(before.storyPoints()))
        .withDueDate(request.dueDate().orElse(before.dueDate()))
        .withTags(request.tags().orElse(before.tags()));
    if (request.customFields().isPresent()) {
      task = task.withCustomFields(
          request.customFields().value() == null ? "{}" : JsonText.write(request.customFields().value()));
    }
    List<TaskItem> chain = List.of();
    if (request.parentTaskId().isPresent() && !Objects.equals(request.parentTaskId().value(), before.parentTaskId())) {
      TaskItem newParent = newParentId == null ? null : found.get(newParentId);
      chain = chainAbove(tenant, task, newParent);
      task = task.withParentTaskId(newParent == null ? null : newParent.id()).withAncestorIds(pathOf(chain));
    }
    Placement placement = Placement.NONE;
    if (request.movesRank()) {
      placement = place(tenant, task, request, found, chain);
      task = task.withRank(placement.rank());
    }
    task = TaskWrites.applyStatusTimes(task, before.status(), now);

    TaskResponse beforeView = TaskResponse.from(before);
    if (TaskResponse.from(task).equals(beforeView)) {
      return new Versioned<>(beforeView, before.version());
    }
    TaskItem written = task.nextVersion(now);
    WriteTransaction tx = writes.update(tenant, caller.actor(), caller.userId(), before, written, ifMatch.isPresent(),
        Set.of(), chain, now);
    placement.renumber(tx, tenant, tasks);
    // The update checked its own parts; the renumbered ones join the same transaction.
    TaskWriteLimits.check(written, tx);
    TaskWrites.commit(tx);
    return new Versioned<>(TaskResponse.from(written), written.version());
  }

  /**
   * The chain above the place under {@code parent} (null: top level) where {@code task} moves,
   * refusing other projects, cycles and depths beyond {@link ParentChain#MAX_DEPTH}: it is read
   * from the tasks themselves ({@link ParentChain}; one BatchGetItem when their paths are current).
   * Nearest first (empty at the top level), for the write to check it still holds.
   */
  private List<TaskItem> chainAbove(TenantId tenant, TaskItem task, TaskItem parent) {
    if (parent == null) {
      return List.of();
    }
    if (parent.isDeleted() || !task.projectId().equals(parent.projectId())) {
      throw UnprocessableException.forField("parent_task_id", "is not a task of this project");
    }
    return ParentChain.above(task.id(), parent, ids -> tasks.findAll(tenant, ids));
  }

  /** The ancestor path of a task hanging below {@code chain} (nearest first): its ids from the top down. */
  private static List<String> pathOf(List<TaskItem> chain) {
    List<String> ancestors = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      ancestors.add(chain.get(i).id());
    }
    return List.copyOf(ancestors);
  }

  private static List<String> ancestorsBelow(TaskItem parent) {
    List<String> ancestors = new ArrayList<>(parent.ancestorIds() == null ? List.of() : parent.ancestorIds());
    ancestors.add(parent.id());
    return List.copyOf(ancestors);
  }

  /**
   * Where a moved task goes on its board: between its neighbours' ranks ({@link Ranks}). A spot
   * crowded past {@link Ranks#MAX_LENGTH} is rebalanced: the tasks after it in its column (one
   * consistent Query of the board rows) are renumbered with the moved one, in this write. Tasks the
   * write already touches otherwise (its parent chain) bound the renumbering instead of joining it.
   */
  private Placement place(TenantId tenant, TaskItem task, UpdateTaskRequest request, Map<String, TaskItem> found,
      List<TaskItem> chain) {
    TaskItem after = neighbour(task, request.rankAfterTaskId(), "rank_after_task_id", found);
    TaskItem before = neighbour(task, request.rankBeforeTaskId(), "rank_before_task_id", found);
    if (after != null && before != null && after.rank().compareTo(before.rank()) >= 0) {
      throw UnprocessableException.forField("rank_before_task_id",
          "must be ranked after rank_after_task_id; fetch the board and retry");
    }
    String rank = Ranks.between(after == null ? null : after.rank(), before == null ? null : before.rank());
    if (Ranks.fits(rank)) {
      return new Placement(rank, List.of(), List.of());
    }
    TaskItem anchor = after != null ? after : before;
    Set<String> fixed = new HashSet<>();
    chain.forEach(link -> fixed.add(link.id()));
    List<TaskItem> movable = new ArrayList<>();
    String limit = null;
    for (TaskItem row : tasks.boardColumnAfter(tenant, anchor.projectId(), anchor.status(),
        after == null ? null : after.boardSortKey(), Ranks.REBALANCE_WINDOW + 2)) {
      if (row.id().equals(task.id())) {
        continue;
      }
      if (fixed.contains(row.id()) || movable.size() == Ranks.REBALANCE_WINDOW) {
        limit = row.rank();
        break;
      }
      movable.add(row);
    }
    List<String> ranks = Ranks.rebalance(after == null ? null : after.rank(),
        movable.stream().map(TaskItem::rank).toList(), limit).orElseThrow(() -> new ConflictException(
            "This spot of the board is too crowded to place a task in; place it next to other tasks."));
    return new Placement(ranks.get(0), movable.subList(0, ranks.size() - 1), ranks.subList(1, ranks.size()));
  }

  private static TaskItem neighbour(TaskItem task, String id, String field, Map<String, TaskItem> found) {
    if (id == null) {
      return null;
    }
    if (id.equals(task.id())) {
      throw UnprocessableException.forField(field, "cannot be the task itself");
    }
    return Optional.ofNullable(found.get(id))
        .filter(n -> !n.isDeleted() && task.projectId().equals(n.projectId()))
        .orElseThrow(() -> UnprocessableException.forField(field, "is not a task of this project"));
  }

  // ------------------------------------------------------------------------------------------
  // delete and restore

  /** Soft delete: the task leaves every list and board; its history and comments stay. */
  public void delete(Caller caller, String taskRef, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    TaskItem before = tasks.findLive(tenant, taskRef).orElseThrow(TaskService::notFound).asEntity(tenant);
    requireReporterOrAdmin(caller, before);
    Preconditions.checkIfMatch(ifMatch, before.version());
    String now = Timestamps.now(clock);
    TaskItem task = before.softDeleted(now);
    WriteTransaction tx = transactions.begin();
    tasks.replace(tx, task, before.version(), Preconditions.stale(ifMatch.isPresent()));
    tasks.replaceRows(tx, tenant, before, task);
    childLists.deleteAnchors(tx, tenant, task.id());
    writes.adjustMilestones(tx, tenant, before, task, Set.of());
    activity.add(tx, tenant, task.id(), caller.userId(), "deleted", null, null, null, now);
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    changes.put("deleted_at", new FieldChange(null, now));
    outbox.record(tx, tenant, caller.actor(), "task.deleted", "task", task.id(), changes);
    TaskWrites.commit(tx);
  }

  /**
   * Undoes a soft delete. A reference that went away meanwhile (a deleted sprint, milestone,
   * parent or assignee) is let go, as its deletion did for the live tasks; each costs one attempt
   * of {@link RetryPolicy}.
   */
  public Versioned<TaskResponse> restore(Caller caller, String taskRef) {
    TenantId tenant = caller.tenantId();
    if (TaskRepository.isKey(taskRef)) {
      // A deleted task keeps no key row: its key resolves only while it lives.
      throw notFound();
    }
    TaskItem before = tasks.findAny(tenant, taskRef).orElseThrow(TaskService::notFound);
    requireReporterOrAdmin(caller, before);
    if (!before.isDeleted()) {
      throw new ConflictException("The task is not deleted.");
    }
    String now = Timestamps.now(clock);
    // What the next attempt writes: the task undeleted, without the references let go so far.
    TaskItem[] restored = {before.restored(now)};
    return RetryPolicy.run(ReferenceGone.class, () -> {
      TaskItem task = restored[0];
      WriteTransaction tx = transactions.begin();
      tasks.replace(tx, task, before.version(), Preconditions.stale(false));
      tasks.replaceRows(tx, tenant, before, task);
      childLists.writeAnchors(tx, tenant, task.id());
      writes.checkReferences(tx, tenant, before, task);
      writes.adjustMilestones(tx, tenant, before, task, Set.of());
      activity.add(tx, tenant, task.id(), caller.userId(), "restored", null, null, null, now);
      Map<String, FieldChange> changes = new LinkedHashMap<>(
          Changes.between(TaskResponse.from(before), TaskResponse.from(task)));
      changes.put("deleted_at", new FieldChange(before.deletedAt(), null));
      outbox.record(tx, tenant, caller.actor(), "task.restored", "task", task.id(), changes);
      TaskWriteLimits.check(task, tx);
      tx.commit();
      return new Versioned<>(TaskResponse.from(task), task.version());
    }, gone -> restored[0] = letGo(restored[0], gone), ReferenceGone::asError);
  }

  /** {@code task} without the reference a restore found gone, for the next attempt to restore. */
  private static TaskItem letGo(TaskItem task, ReferenceGone gone) {
    return switch (gone.field) {
      case "sprint_id" -> task.withSprintId(null);
      case "milestone_id" -> task.withMilestoneId(null);
      case "assignee_id" -> task.withAssigneeId(null);
      case "parent_task_id" -> task.withParentTaskId(null).withAncestorIds(List.of());
      default -> throw gone.asError();
    };
  }

  private static void requireReporterOrAdmin(Caller caller, TaskItem task) {
    if (!caller.isAdmin() && !caller.userId().equals(task.reporterId())) {
      throw new ForbiddenException("Only the task's reporter or an admin may delete or restore it.");
    }
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
     * Renumbers in {@code tx}: each task to its new rank, conditional on the version its board row
     * showed (a task changed meanwhile fails the move, 409). A renumbering keeps the order, so it
     * writes no history and no event.
     */
    void renumber(WriteTransaction tx, TenantId tenant, TaskRepository tasks) {
      for (int i = 0; i < renumbered.size(); i++) {
        TaskItem row = renumbered.get(i);
        if (row.rank().equals(ranks.get(i))) {
          // Spread out, a task may land where it was: nothing to write (and a delete and a put of
          // one board row would be two operations on one item, which a transaction refuses).
          continue;
        }
        tasks.renumber(tx, tenant, row, ranks.get(i),
            () -> new ConflictException("A task next to the new place changed meanwhile; try again."));
      }
    }
  }

  /** The counter moved between our read and our write: another task took the number. */
  private static final class CounterMoved extends RuntimeException {
    CounterMoved() {
      super(null, null, false, false);
    }
  }
}

package com.coditect.pm.domain;

import com.coditect.pm.data.TaskReferenceRepository;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What follows, for tasks, from events of other resources, off the request path (each task is its
 * own transaction, so the work has no size limit): a completed sprint hands its open tasks on, a
 * deleted or cancelled sprint, a deleted milestone or user lets its tasks go, a moved task's
 * subtasks get their new paths. An event only says which sprint, milestone, user or task to look
 * at: what is done is decided by that item as the table holds it now
 * ({@link TaskReferenceRepository}), never by the event's changes or the order events arrive in. Each step is idempotent, so events
 * delivered late, twice or in reverse end where the in-order ones do. A change is written as a
 * user's PATCH is ({@link TaskWrites}), with no user.
 */
@Singleton
public final class TaskFollowUps {

  private static final Actor SYSTEM = Actor.system("pm-events");

  private final TaskRepository tasks;
  private final TaskReferenceRepository references;
  private final TaskWrites writes;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  TaskFollowUps(TaskRepository tasks, TaskReferenceRepository references, TaskWrites writes, Transactions transactions,
      Clock clock) {
    this.tasks = tasks;
    this.references = references;
    this.writes = writes;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * A sprint's completion, as the sprint now is. Still completed: its unfinished tasks move to
   * {@code nextSprintId}, the completion's own choice (a sprint completes once, so its event
   * cannot be contradicted by another; a target that is no longer open means the backlog), or the
   * backlog if null. Since deleted: every task returns to the backlog, as for any deleted sprint.
   * Otherwise nothing.
   */
  public int sprintCompleted(TenantId tenant, String sprintId, String nextSprintId) {
    Optional<SprintStatus> status = references.sprintStatus(tenant, sprintId);
    if (status.isEmpty() || status.get() == SprintStatus.CANCELLED) {
      return releaseSprint(tenant, sprintId);
    }
    if (status.get() != SprintStatus.COMPLETED) {
      return 0;
    }
    int moved = 0;
    for (TaskItem row : tasks.rowsOfSprint(tenant, sprintId)) {
      if (!row.status().isFinished() && moveOutOfSprint(tenant, SYSTEM, row.id(), sprintId, nextSprintId)) {
        moved++;
      }
    }
    return moved;
  }

  /**
   * A sprint deleted (the spec's SET_NULL) or cancelled, as the sprint now is: if it is gone or
   * cancelled, every task of it returns to the backlog; otherwise (an event that does not match the
   * sprint, e.g. a stray one) nothing.
   */
  public int sprintClosed(TenantId tenant, String sprintId) {
    Optional<SprintStatus> status = references.sprintStatus(tenant, sprintId);
    if (status.isPresent() && status.get() != SprintStatus.CANCELLED) {
      return 0;
    }
    return releaseSprint(tenant, sprintId);
  }

  private int releaseSprint(TenantId tenant, String sprintId) {
    int moved = 0;
    for (TaskItem row : tasks.rowsOfSprint(tenant, sprintId)) {
      if (moveOutOfSprint(tenant, SYSTEM, row.id(), sprintId, null)) {
        moved++;
      }
    }
    return moved;
  }

  /** A deleted milestone: if it is gone, its tasks keep going without one (the spec's SET_NULL). */
  public int milestoneDeleted(TenantId tenant, String milestoneId) {
    if (references.milestoneExists(tenant, milestoneId)) {
      return 0;
    }
    int detached = 0;
    for (TaskItem row : tasks.rowsOfMilestone(tenant, milestoneId)) {
      if (detachFromMilestone(tenant, SYSTEM, row.id(), milestoneId)) {
        detached++;
      }
    }
    return detached;
  }

  /**
   * A deleted user: if the user's item says deleted, their tasks, in every project, become
   * unassigned (the spec's SET_NULL). A deleted user can be assigned nothing again.
   */
  public int userDeleted(TenantId tenant, String userId) {
    if (!references.userIsGone(tenant, userId)) {
      return 0;
    }
    int unassigned = 0;
    for (TaskItem row : tasks.rowsOfAssignee(tenant, userId)) {
      if (unassign(tenant, SYSTEM, row.id(), userId)) {
        unassigned++;
      }
    }
    return unassigned;
  }

  /**
   * A task moved under another parent: every task below it gets its new ancestor path. Each task
   * is visited once: moves are checked against the real chain of parents (so the tree has no loop),
   * but should a loop ever be stored, the walk still ends, as an event consumer must.
   */
  public int taskReparented(TenantId tenant, String taskId) {
    int refreshed = 0;
    Set<String> visited = new HashSet<>();
    Deque<TaskItem> parents = new ArrayDeque<>();
    refreshAncestors(tenant, taskId, null).ifPresent(parents::add);
    visited.add(taskId);
    while (!parents.isEmpty()) {
      TaskItem parent = parents.poll();
      List<String> path = new ArrayList<>(parent.ancestorIds() == null ? List.of() : parent.ancestorIds());
      path.add(parent.id());
      for (TaskItem child : tasks.rowsOfSubtasks(tenant, parent.id())) {
        if (!visited.add(child.id())) {
          continue;
        }
        var refreshedChild = refreshAncestors(tenant, child.id(), path);
        if (refreshedChild.isPresent()) {
          refreshed++;
          parents.add(refreshedChild.get());
        }
      }
    }
    return refreshed;
  }

  // ------------------------------------------------------------------------------------------
  // the changes, one task each

  /**
   * Takes a live task out of a completed or deleted sprint: into {@code toSprintId}, or the backlog
   * (null) if that is null or no longer open. False when the task had already left the sprint (a
   * redelivered event changes nothing).
   */
  boolean moveOutOfSprint(TenantId tenant, Actor actor, String taskId, String fromSprintId, String toSprintId) {
    return systemChange(tenant, actor, taskId, task -> fromSprintId.equals(task.sprintId()),
        task -> task.withSprintId(toSprintId), task -> task.withSprintId(null), Set.of());
  }

  /** Clears a deleted milestone from a live task (its counters are gone with it). */
  boolean detachFromMilestone(TenantId tenant, Actor actor, String taskId, String milestoneId) {
    return systemChange(tenant, actor, taskId, task -> milestoneId.equals(task.milestoneId()),
        task -> task.withMilestoneId(null), null, Set.of(milestoneId));
  }

  /** Unassigns a live task from a deleted user. */
  boolean unassign(TenantId tenant, Actor actor, String taskId, String userId) {
    return systemChange(tenant, actor, taskId, task -> userId.equals(task.assigneeId()),
        task -> task.withAssigneeId(null), null, Set.of());
  }

  /**
   * Sets a live task's ancestor path to {@code parentPath} (its parent's path and the parent) if it
   * differs: a task moved under another parent changes the paths of all its subtasks, which the
   * consumer walks level by level. Returns the task as now stored (empty if gone).
   */
  Optional<TaskItem> refreshAncestors(TenantId tenant, String taskId, List<String> parentPath) {
    TaskItem task = tasks.findAny(tenant, taskId).filter(t -> !t.isDeleted()).orElse(null);
    if (task == null) {
      return Optional.empty();
    }
    // null: the moved task itself, whose own path its PATCH already set.
    if (parentPath == null || parentPath.equals(task.ancestorIds())) {
      return Optional.of(task);
    }
    // A new version, but not a change anyone made: updated_at stays.
    TaskItem refreshed = task.withAncestorIds(List.copyOf(parentPath));
    refreshed = refreshed.withMeta(refreshed.meta().withVersion(task.version() + 1));
    WriteTransaction tx = transactions.begin();
    tasks.replace(tx, refreshed, task.version(), Preconditions.stale(false));
    tasks.replaceRows(tx, tenant, task, refreshed);
    tx.commit();
    return Optional.of(refreshed);
  }

  /**
   * One change by the platform to a live task, if {@code applies}: written like a user's PATCH
   * (rows, counters, history with no user, event). If a reference fails its check, {@code
   * fallback} (if any) is applied once and the write tried again; a concurrent writer makes it read
   * again. Both are attempts of {@link RetryPolicy}.
   */
  private boolean systemChange(TenantId tenant, Actor actor, String taskId, Predicate<TaskItem> applies,
      UnaryOperator<TaskItem> change, UnaryOperator<TaskItem> fallback, Set<String> goneMilestones) {
    boolean[] fallenBack = {false};
    return RetryPolicy.run(RuntimeException.class, () -> {
      // Each attempt starts from the task as stored now, never from an earlier attempt's copy.
      TaskItem before = tasks.findAny(tenant, taskId).filter(t -> !t.isDeleted()).orElse(null);
      if (before == null || !applies.test(before)) {
        return false;
      }
      TaskItem changed = change.apply(before);
      if (fallenBack[0]) {
        changed = fallback.apply(changed);
      }
      String now = Timestamps.now(clock);
      writes.update(tenant, actor, null, before, changed.nextVersion(now), false, goneMilestones, List.of(), now)
          .commit();
      return true;
    }, failure -> {
      if (failure instanceof ReferenceGone gone) {
        if (fallenBack[0] || fallback == null) {
          throw gone.asError();
        }
        fallenBack[0] = true;
      } else if (!(failure instanceof ConflictException)) {
        throw failure;
      }
    }, failure -> failure instanceof ReferenceGone gone ? gone.asError() : failure);
  }
}

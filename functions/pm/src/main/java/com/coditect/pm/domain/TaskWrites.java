package com.coditect.pm.domain;

import com.coditect.pm.api.TaskResponse;
import com.coditect.pm.data.MilestoneRepository;
import com.coditect.pm.data.SprintRepository;
import com.coditect.pm.data.TaskItem;
import com.coditect.pm.data.TaskReferenceRepository;
import com.coditect.pm.data.TaskRepository;
import com.coditect.pm.model.TaskStatus;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.Changes;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Preconditions;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The parts every task write shares, for a user's change ({@link TaskService}) and the platform's
 * ({@link TaskFollowUps}) alike: the change's transaction (the task, its rows, checks on what it
 * references, the milestone counters it moves, one history row per changed field, its event),
 * the status times, and the commit that turns a reference found missing into a 422. The storage
 * syntax of each part is the repositories'.
 */
@Singleton
public final class TaskWrites {

  private final TaskRepository tasks;
  private final TaskReferenceRepository references;
  private final SprintRepository sprints;
  private final MilestoneRepository milestones;
  private final Transactions transactions;
  private final Outbox outbox;
  private final ActivityLog activity;

  @Inject
  TaskWrites(TaskRepository tasks, TaskReferenceRepository references, SprintRepository sprints,
      MilestoneRepository milestones, Transactions transactions, Outbox outbox, ActivityLog activity) {
    this.tasks = tasks;
    this.references = references;
    this.sprints = sprints;
    this.milestones = milestones;
    this.transactions = transactions;
    this.outbox = outbox;
    this.activity = activity;
  }

  /**
   * The transaction of a change to a live task read as {@code before}, {@code task} being the
   * changed copy as the next version ({@code nextVersion(now)}): the task, its rows, reference
   * checks (for a move, the {@code chain} above the new parent, see {@link #requireChain}),
   * milestone counters (except on milestones that are gone), one history row per changed field,
   * and the {@code task.updated} event; refused if DynamoDB would refuse it ({@link TaskWriteLimits}).
   * Not committed.
   */
  WriteTransaction update(TenantId tenant, Actor actor, String userId, TaskItem before, TaskItem task,
      boolean ifMatchSent, Set<String> goneMilestones, List<TaskItem> chain, String now) {
    if (task.version() != before.version() + 1) {
      throw new IllegalArgumentException("a task change is written as the version after the one read");
    }
    WriteTransaction tx = transactions.begin();
    tasks.replace(tx, task, before.version(), Preconditions.stale(ifMatchSent));
    tasks.replaceRows(tx, tenant, before, task);
    checkReferences(tx, tenant, before, task);
    requireChain(tx, tenant, chain);
    adjustMilestones(tx, tenant, before, task, goneMilestones);
    Map<String, FieldChange> changes = Changes.between(TaskResponse.from(before), TaskResponse.from(task));
    changes.forEach((field, change) -> {
      if (!field.equals("updated_at")) {
        activity.add(tx, tenant, task.id(), userId, actionFor(field), field, change.oldValue(), change.newValue(), now);
      }
    });
    outbox.record(tx, tenant, actor, "task.updated", "task", task.id(), changes);
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
   * Checks, in the transaction, the references that changed: the assignee is a live user of the
   * tenant, the sprint an open sprint of the project, the parent of a new or restored task a live
   * task. Milestones are checked by their counter updates, a moved task's parent by the chain.
   */
  void checkReferences(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after) {
    boolean wasLive = before != null && !before.isDeleted();
    if (after.assigneeId() != null && (!wasLive || !after.assigneeId().equals(before.assigneeId()))) {
      references.requireLiveUser(tx, tenant, after.assigneeId(),
          ReferenceGone.of("assignee_id", "is not a user of this tenant"));
    }
    if (after.sprintId() != null && (!wasLive || !after.sprintId().equals(before.sprintId()))) {
      sprints.requireOpenInProject(tx, tenant, after.sprintId(), after.projectId(),
          ReferenceGone.of("sprint_id", "is not a planned or active sprint of this project"));
    }
    // A PATCH that moves the task checks its new parent with the chain above it (requireChain):
    // one part per item, so it is not checked here as well.
    if (after.parentTaskId() != null && !wasLive) {
      tasks.requireLive(tx, tenant, after.parentTaskId(), ReferenceGone.of("parent_task_id", "is not a task of this project"));
    }
  }

  /**
   * Checks, in the move's transaction, that each task of the chain read above the new parent still
   * hangs where it was read (and the parent still lives): a concurrent move in the same tree then
   * fails this one instead of closing a loop that neither saw.
   */
  private void requireChain(WriteTransaction tx, TenantId tenant, List<TaskItem> chain) {
    for (int i = 0; i < chain.size(); i++) {
      boolean parent = i == 0;
      tasks.requireSameParent(tx, tenant, chain.get(i), parent, parent
          ? ReferenceGone.of("parent_task_id", "is not a live task of this project, or it moved meanwhile")
          : () -> new ConflictException("A task above the new parent moved meanwhile; try again."));
    }
  }

  /**
   * Moves milestone progress: a live task counts toward its milestone's total unless cancelled, and
   * toward its done count when done. Counters are added to, so concurrent task writes on one
   * milestone never lose each other's counts; the part also checks that the milestone is one of the
   * task's project. Milestones in {@code goneMilestones} are left alone.
   */
  void adjustMilestones(WriteTransaction tx, TenantId tenant, TaskItem before, TaskItem after,
      Set<String> goneMilestones) {
    Map<String, long[]> deltas = new LinkedHashMap<>();
    if (before != null && before.milestoneId() != null) {
      long[] share = share(before);
      deltas.computeIfAbsent(before.milestoneId(), m -> new long[2]);
      deltas.get(before.milestoneId())[0] -= share[0];
      deltas.get(before.milestoneId())[1] -= share[1];
    }
    if (after.milestoneId() != null) {
      long[] share = share(after);
      deltas.computeIfAbsent(after.milestoneId(), m -> new long[2]);
      deltas.get(after.milestoneId())[0] += share[0];
      deltas.get(after.milestoneId())[1] += share[1];
    }
    boolean newMilestone = after.milestoneId() != null
        && (before == null || before.isDeleted() || !after.milestoneId().equals(before.milestoneId()));
    goneMilestones.forEach(deltas::remove);
    deltas.forEach((milestoneId, delta) -> {
      boolean checkProject = newMilestone && milestoneId.equals(after.milestoneId());
      if (delta[0] == 0 && delta[1] == 0 && !checkProject) {
        return;
      }
      milestones.addTaskCounts(tx, tenant, milestoneId, after.projectId(), delta[0], delta[1],
          ReferenceGone.of("milestone_id", "is not a milestone of this project"));
    });
  }

  /** What a task adds to its milestone: {total, done}. */
  private static long[] share(TaskItem task) {
    if (task.isDeleted() || task.status() == TaskStatus.CANCELLED) {
      return new long[] {0, 0};
    }
    return new long[] {1, task.status() == TaskStatus.DONE ? 1 : 0};
  }

  /**
   * {@code task} with its status times: started_at at the first move into in_progress (kept
   * after); completed_at while done.
   */
  static TaskItem applyStatusTimes(TaskItem task, TaskStatus oldStatus, String now) {
    TaskItem timed = task;
    if (timed.status() == TaskStatus.IN_PROGRESS && timed.startedAt() == null) {
      timed = timed.withStartedAt(now);
    }
    if (timed.status() == TaskStatus.DONE) {
      if (oldStatus != TaskStatus.DONE) {
        timed = timed.withCompletedAt(now);
      }
    } else {
      timed = timed.withCompletedAt(null);
    }
    return timed;
  }

  /** Commits; a reference found missing by the transaction is a 422 naming its field. */
  static void commit(WriteTransaction tx) {
    try {
      tx.commit();
    } catch (ReferenceGone gone) {
      throw gone.asError();
    }
  }
}

package com.coditect.pm.domain;

import com.coditect.pm.data.PmKeys;
import com.coditect.pm.data.ReferenceLookup;
import com.coditect.pm.data.TaskItem;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * What follows, for tasks, from events of other resources, off the request path (each task is its
 * own transaction, so the work has no size limit): a completed sprint hands its open tasks on, a
 * deleted or cancelled sprint, a deleted milestone or user lets its tasks go, a moved task's
 * subtasks get their new paths. An event only says which sprint, milestone, user or task to look
 * at: what is done is decided by that item as the table holds it now ({@link ReferenceLookup}),
 * never by the event's changes or the order events arrive in. Each step is idempotent, so events
 * delivered late, twice or in reverse end where the in-order ones do.
 */
@Singleton
public final class TaskFollowUps {

  private static final Actor SYSTEM = Actor.system("pm-events");
  private static final List<String> FINISHED = List.of("done", "cancelled");

  private final TaskService tasks;
  private final ReferenceLookup references;
  private final DynamoDbTable<TaskItem> table;

  @Inject
  TaskFollowUps(TaskService tasks, ReferenceLookup references, SingleTable table) {
    this.tasks = tasks;
    this.references = references;
    this.table = table.view(TaskItem.SCHEMA);
  }

  /**
   * A sprint's completion, as the sprint now is. Still completed: its unfinished tasks move to
   * {@code nextSprintId}, the completion's own choice (a sprint completes once, so its event
   * cannot be contradicted by another; a target that is no longer open means the backlog), or the
   * backlog if null. Since deleted: every task returns to the backlog, as for any deleted sprint.
   * Otherwise nothing.
   */
  public int sprintCompleted(TenantId tenant, String sprintId, String nextSprintId) {
    Optional<String> status = references.sprintStatus(tenant, sprintId);
    if (status.isEmpty() || SprintService.CANCELLED.equals(status.get())) {
      return releaseSprint(tenant, sprintId);
    }
    if (!SprintService.COMPLETED.equals(status.get())) {
      return 0;
    }
    int moved = 0;
    for (TaskItem row : rowsOf(PmKeys.tasksOfSprint(tenant, sprintId))) {
      if (!FINISHED.contains(row.status) && tasks.moveOutOfSprint(tenant, SYSTEM, row.id, sprintId, nextSprintId)) {
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
    Optional<String> status = references.sprintStatus(tenant, sprintId);
    if (status.isPresent() && !SprintService.CANCELLED.equals(status.get())) {
      return 0;
    }
    return releaseSprint(tenant, sprintId);
  }

  private int releaseSprint(TenantId tenant, String sprintId) {
    int moved = 0;
    for (TaskItem row : rowsOf(PmKeys.tasksOfSprint(tenant, sprintId))) {
      if (tasks.moveOutOfSprint(tenant, SYSTEM, row.id, sprintId, null)) {
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
    for (TaskItem row : rowsOf(PmKeys.tasksOfMilestone(tenant, milestoneId))) {
      if (tasks.detachFromMilestone(tenant, SYSTEM, row.id, milestoneId)) {
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
    for (TaskItem row : rowsOf(PmKeys.tasksOfAssignee(tenant, userId))) {
      if (tasks.unassign(tenant, SYSTEM, row.id, userId)) {
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
    tasks.refreshAncestors(tenant, taskId, null).ifPresent(parents::add);
    visited.add(taskId);
    while (!parents.isEmpty()) {
      TaskItem parent = parents.poll();
      List<String> path = new ArrayList<>(parent.ancestorIds == null ? List.of() : parent.ancestorIds);
      path.add(parent.id);
      for (TaskItem child : rowsOf(PmKeys.subtasks(tenant, parent.id))) {
        if (!visited.add(child.id)) {
          continue;
        }
        var refreshedChild = tasks.refreshAncestors(tenant, child.id, path);
        if (refreshedChild.isPresent()) {
          refreshed++;
          parents.add(refreshedChild.get());
        }
      }
    }
    return refreshed;
  }

  /** Every row of a list partition, page by page (rows are read before any is changed). */
  private List<TaskItem> rowsOf(String partition) {
    List<TaskItem> rows = new ArrayList<>();
    table.query(QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
            .build())
        .items().forEach(rows::add);
    return rows;
  }
}

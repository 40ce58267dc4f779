package com.coditect.pm.data;

import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a task has (see {@link PmKeys}): where copies of what lists show of it live, so that
 * each list the API offers is one partition, and its key row. A deleted task has only its row in
 * the project's deleted tasks.
 */
public final class TaskRows {

  private TaskRows() {}

  /** Every row of {@code task} to write with it, each keyed for its list. */
  public static List<TaskItem> of(TenantId tenant, TaskItem task) {
    String id = task.id();
    String project = task.projectId();
    if (task.isDeleted()) {
      return List.of(task.rowAt(PmKeys.projectTasks(tenant, project, true), id));
    }
    String due = task.dueDate() == null ? PmKeys.NO_DUE_DATE : task.dueDate();
    List<TaskItem> rows = new ArrayList<>();
    var keyRow = PmKeys.taskKeyRow(tenant, task.key());
    rows.add(task.rowAt(keyRow.partitionKeyValue().s(), keyRow.sortKeyValue().orElseThrow().s()));
    rows.add(task.rowAt(PmKeys.projectTasks(tenant, project, false), id));
    rows.add(task.rowAt(PmKeys.tasksByStatus(tenant, project, task.status().apiName()), id));
    rows.add(task.rowAt(PmKeys.tasksByType(tenant, project, task.taskType().apiName()), id));
    rows.add(task.rowAt(PmKeys.tasksByPriority(tenant, project, task.priority().apiName()), id));
    rows.add(task.rowAt(PmKeys.tasksWithStatus(tenant, task.status().apiName()), due + "#" + id));
    rows.add(task.boardRowAt(PmKeys.boardRows(tenant, project)));
    if (task.dueDate() != null) {
      rows.add(task.rowAt(PmKeys.tasksByDueDate(tenant, project), task.dueDate() + "#" + id));
    }
    if (task.assigneeId() != null) {
      rows.add(task.rowAt(PmKeys.tasksByAssignee(tenant, project, task.assigneeId()), id));
      rows.add(task.rowAt(PmKeys.tasksOfAssignee(tenant, task.assigneeId()), due + "#" + id));
    }
    if (task.sprintId() != null) {
      rows.add(task.rowAt(PmKeys.tasksOfSprint(tenant, task.sprintId()), id));
    }
    if (task.milestoneId() != null) {
      rows.add(task.rowAt(PmKeys.tasksOfMilestone(tenant, task.milestoneId()), id));
    }
    if (task.parentTaskId() != null) {
      rows.add(task.rowAt(PmKeys.subtasks(tenant, task.parentTaskId()), id));
    }
    if (task.tags() != null) {
      for (String tag : task.tags()) {
        rows.add(task.rowAt(PmKeys.tasksByTag(tenant, project, tag), id));
      }
    }
    return rows;
  }
}

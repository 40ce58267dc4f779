package com.coditect.pm.api;

import com.coditect.pm.data.TaskItem;
import java.util.List;

/**
 * A task as a list shows it (each item of a task list, each task of a board column): every field
 * of {@link TaskResponse} but the description and the custom fields, which only the task itself
 * carries ({@code GET /v1/tasks/{task_id}}). Lists are read from list rows, and rows carry no more
 * than this so that a task write does not copy a long description into each of them. The rank is
 * board order: a board column's tasks have it, other lists show null.
 */
public record TaskSummaryResponse(
    String id, String key, String projectId, String title, String taskType, String status, String priority,
    String assigneeId, String reporterId, String sprintId, String milestoneId, String parentTaskId,
    Integer storyPoints, String dueDate, String startedAt, String completedAt, List<String> tags, String rank,
    String createdAt, String updatedAt) {

  public static TaskSummaryResponse from(TaskItem task) {
    return new TaskSummaryResponse(task.id(), task.key(), task.projectId(), task.title(),
        TaskFields.apiName(task.taskType()), TaskFields.apiName(task.status()), TaskFields.apiName(task.priority()),
        task.assigneeId(), task.reporterId(), task.sprintId(), task.milestoneId(), task.parentTaskId(),
        task.storyPoints(), task.dueDate(), task.startedAt(), task.completedAt(),
        task.tags() == null ? List.of() : task.tags(), task.rank(), task.createdAt(), task.updatedAt());
  }
}

package com.coditect.pm.api;

import com.coditect.pm.data.TaskItem;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A task as the API shows it (also each task of a board column). */
public record TaskResponse(
    String id, String key, String projectId, String title, String description, String taskType, String status,
    String priority, String assigneeId, String reporterId, String sprintId, String milestoneId, String parentTaskId,
    Integer storyPoints, String dueDate, String startedAt, String completedAt, List<String> tags,
    JsonNode customFields, String rank, String createdAt, String updatedAt) {

  public static TaskResponse from(TaskItem task) {
    return new TaskResponse(task.id(), task.key(), task.projectId(), task.title(), task.description(),
        TaskFields.apiName(task.taskType()), TaskFields.apiName(task.status()), TaskFields.apiName(task.priority()),
        task.assigneeId(), task.reporterId(), task.sprintId(), task.milestoneId(), task.parentTaskId(),
        task.storyPoints(), task.dueDate(), task.startedAt(), task.completedAt(),
        task.tags() == null ? List.of() : task.tags(),
        Json.readTree(task.customFields() == null ? "{}" : task.customFields()), task.rank(), task.createdAt(),
        task.updatedAt());
  }
}

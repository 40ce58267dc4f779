package com.coditect.pm.api;

import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /v1/projects/{project_id}/tasks}. Defaults: type task, status backlog, priority
 * medium. The reporter is the caller; the key and timestamps are the server's.
 */
public record CreateTaskRequest(
    String title, String description, TaskType taskType, TaskStatus status, TaskPriority priority, String assigneeId,
    String sprintId, String milestoneId, String parentTaskId, Integer storyPoints, String dueDate, List<String> tags,
    ObjectNode customFields) {

  public static CreateTaskRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String title = fields.requiredString("title", TaskFields.TITLE_MAX);
    String description = fields.optionalString("description", TaskFields.DESCRIPTION_MAX);
    TaskType type = fields.optionalChoice("task_type", TaskType.class);
    TaskStatus status = fields.optionalChoice("status", TaskStatus.class);
    TaskPriority priority = fields.optionalChoice("priority", TaskPriority.class);
    String assignee = fields.optionalUuid("assignee_id");
    String sprint = fields.optionalUuid("sprint_id");
    String milestone = fields.optionalUuid("milestone_id");
    String parent = fields.optionalUuid("parent_task_id");
    Integer points = fields.optionalInteger("story_points", 0, TaskFields.STORY_POINTS_MAX);
    String due = fields.optionalTimestamp("due_date");
    List<String> tags = fields.optionalStringList("tags", TaskFields.TAGS_MAX, TaskFields.TAG_MAX, TaskFields.TAG,
        TaskFields.TAG_RULE);
    ObjectNode custom = TaskFields.checkedCustomFields(fields, fields.optionalObject("custom_fields"));
    for (String serverField : List.of("id", "key", "reporter_id", "started_at", "completed_at", "rank", "project_id",
        "created_at", "updated_at")) {
      fields.reject(serverField, "is set by the server");
    }
    fields.finish();
    return new CreateTaskRequest(title, description, type == null ? TaskType.TASK : type,
        status == null ? TaskStatus.BACKLOG : status, priority == null ? TaskPriority.MEDIUM : priority, assignee,
        sprint, milestone,
        parent, points, due, TaskFields.normalisedTags(tags), custom);
  }
}

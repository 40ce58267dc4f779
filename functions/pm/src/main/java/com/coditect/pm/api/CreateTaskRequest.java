package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code POST /v1/projects/{project_id}/tasks}. Defaults: type task, status backlog, priority
 * medium. The reporter is the caller; the key and timestamps are the server's.
 */
public record CreateTaskRequest(
    String title, String description, String taskType, String status, String priority, String assigneeId,
    String sprintId, String milestoneId, String parentTaskId, Integer storyPoints, String dueDate, List<String> tags,
    ObjectNode customFields) {

  public static CreateTaskRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String title = fields.requiredString("title", TaskFields.TITLE_MAX);
    String description = fields.optionalString("description", TaskFields.DESCRIPTION_MAX);
    String type = fields.optionalChoice("task_type", TaskFields.TYPES);
    String status = fields.optionalChoice("status", TaskFields.STATUSES);
    String priority = fields.optionalChoice("priority", TaskFields.PRIORITIES);
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
    return new CreateTaskRequest(title, description, type == null ? "task" : type,
        status == null ? "backlog" : status, priority == null ? "medium" : priority, assignee, sprint, milestone,
        parent, points, due, TaskFields.normalisedTags(tags), custom);
  }
}

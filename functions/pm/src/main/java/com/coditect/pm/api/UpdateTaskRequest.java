package com.coditect.pm.api;

import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code PATCH /v1/tasks/{task_id}}: any task field the client owns; null clears a nullable one.
 * {@code rank_after_task_id} / {@code rank_before_task_id} place the task on its board between two
 * tasks of the same project (either may be left out at an end of the column).
 */
public record UpdateTaskRequest(
    Patch<String> title, Patch<String> description, Patch<TaskType> taskType, Patch<TaskStatus> status,
    Patch<TaskPriority> priority, Patch<String> assigneeId, Patch<String> sprintId, Patch<String> milestoneId,
    Patch<String> parentTaskId, Patch<Integer> storyPoints, Patch<String> dueDate, Patch<List<String>> tags,
    Patch<ObjectNode> customFields, String rankAfterTaskId, String rankBeforeTaskId) {

  public static UpdateTaskRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    var request = new UpdateTaskRequest(
        fields.patchString("title", TaskFields.TITLE_MAX, false),
        fields.patchString("description", TaskFields.DESCRIPTION_MAX, true),
        fields.patchChoice("task_type", TaskType.class, false),
        fields.patchChoice("status", TaskStatus.class, false),
        fields.patchChoice("priority", TaskPriority.class, false),
        fields.patchUuid("assignee_id", true),
        fields.patchUuid("sprint_id", true),
        fields.patchUuid("milestone_id", true),
        fields.patchUuid("parent_task_id", true),
        fields.patchInteger("story_points", 0, TaskFields.STORY_POINTS_MAX, true),
        fields.patchTimestamp("due_date", true),
        fields.patchStringList("tags", TaskFields.TAGS_MAX, TaskFields.TAG_MAX, TaskFields.TAG, TaskFields.TAG_RULE,
            false).map(TaskFields::normalisedTags),
        fields.patchObject("custom_fields", true).map(custom -> TaskFields.checkedCustomFields(fields, custom)),
        fields.optionalUuid("rank_after_task_id"),
        fields.optionalUuid("rank_before_task_id"));
    for (String serverField : List.of("id", "key", "reporter_id", "started_at", "completed_at", "rank", "project_id",
        "created_at", "updated_at")) {
      fields.reject(serverField, "is set by the server");
    }
    fields.finish();
    return request;
  }

  /** True when the body asks to move the task on its board. */
  public boolean movesRank() {
    return rankAfterTaskId != null || rankBeforeTaskId != null;
  }
}

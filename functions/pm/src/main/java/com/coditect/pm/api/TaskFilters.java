package com.coditect.pm.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.store.Timestamps;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The filters of {@code GET /v1/projects/{project_id}/tasks} and {@code GET /v1/tasks}; null means
 * "not filtered". Dates accept a date-time with offset or a plain date (its start in UTC).
 */
public record TaskFilters(String status, String assigneeId, String sprintId, String milestoneId, String parentTaskId,
    String taskType, String priority, String tag, String dueBefore, String dueAfter) {

  /** Every filter of the project task list. */
  public static TaskFilters ofProjectList(ApiRequest request) {
    List<FieldError> errors = new ArrayList<>();
    var filters = new TaskFilters(
        choice(request, "status", TaskFields.STATUSES, errors),
        uuid(request, "assignee_id", errors),
        uuid(request, "sprint_id", errors),
        uuid(request, "milestone_id", errors),
        uuid(request, "parent_task_id", errors),
        choice(request, "task_type", TaskFields.TYPES, errors),
        choice(request, "priority", TaskFields.PRIORITIES, errors),
        tag(request, errors),
        timestamp(request, "due_before", errors),
        timestamp(request, "due_after", errors));
    if (!errors.isEmpty()) {
      throw new BadRequestException("The query has invalid parameters.", errors);
    }
    return filters;
  }

  /**
   * The filters of the list across projects: assignee ({@code me} is the caller, and the default
   * when no status is asked for), status and due_before.
   */
  public static TaskFilters ofTenantList(ApiRequest request, String callerId) {
    List<FieldError> errors = new ArrayList<>();
    String assignee = request.queryParameter("assignee_id").orElse(null);
    if ("me".equals(assignee)) {
      assignee = callerId;
    } else if (assignee != null) {
      assignee = uuid(request, "assignee_id", errors);
    }
    String status = choice(request, "status", TaskFields.STATUSES, errors);
    String dueBefore = timestamp(request, "due_before", errors);
    if (!errors.isEmpty()) {
      throw new BadRequestException("The query has invalid parameters.", errors);
    }
    if (assignee == null && status == null) {
      assignee = callerId;
    }
    return new TaskFilters(status, assignee, null, null, null, null, null, null, dueBefore, null);
  }

  private static String choice(ApiRequest request, String name, List<String> choices, List<FieldError> errors) {
    String value = request.queryParameter(name).orElse(null);
    if (value != null && !choices.contains(value)) {
      errors.add(new FieldError(name, "must be one of: " + String.join(", ", choices)));
      return null;
    }
    return value;
  }

  private static String uuid(ApiRequest request, String name, List<FieldError> errors) {
    String value = request.queryParameter(name).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      if (UUID.fromString(value).toString().equalsIgnoreCase(value)) {
        return value.toLowerCase(Locale.ROOT);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a UUID"));
    return null;
  }

  private static String tag(ApiRequest request, List<FieldError> errors) {
    String value = request.queryParameter("tag").orElse(null);
    if (value == null) {
      return null;
    }
    if (value.codePointCount(0, value.length()) > TaskFields.TAG_MAX || !TaskFields.TAG.matcher(value).matches()) {
      errors.add(new FieldError("tag", TaskFields.TAG_RULE));
      return null;
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static String timestamp(ApiRequest request, String name, List<FieldError> errors) {
    String value = request.queryParameter(name).orElse(null);
    if (value == null) {
      return null;
    }
    try {
      return Timestamps.format(Timestamps.parse(value));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be a date (YYYY-MM-DD) or a date-time with an offset"));
      return null;
    }
  }
}

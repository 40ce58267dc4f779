package com.coditect.pm.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.json.JsonFields;

/**
 * {@code POST /v1/sprints/{sprint_id}/complete}: the body is optional. Unfinished tasks go to
 * {@code move_open_tasks_to_sprint_id}, or to the backlog when it is absent or null.
 */
public record CompleteSprintRequest(String moveOpenTasksToSprintId) {

  public static CompleteSprintRequest from(ApiRequest request) {
    if (request.bodyText().isBlank()) {
      return new CompleteSprintRequest(null);
    }
    JsonFields fields = JsonFields.of(request.jsonBody());
    var body = new CompleteSprintRequest(fields.optionalUuid("move_open_tasks_to_sprint_id"));
    fields.finish();
    return body;
  }
}

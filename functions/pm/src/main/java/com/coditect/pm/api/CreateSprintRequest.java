package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** {@code POST /v1/projects/{project_id}/sprints}; every sprint starts {@code planned}. */
public record CreateSprintRequest(String name, String goal, LocalDate startDate, LocalDate endDate) {

  public static CreateSprintRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.reject("status", "is not chosen at creation: a sprint starts planned and changes by start and complete");
    var request = new CreateSprintRequest(
        fields.requiredString("name", SprintFields.NAME_MAX),
        fields.optionalString("goal", SprintFields.GOAL_MAX),
        fields.requiredDate("start_date"),
        fields.requiredDate("end_date"));
    fields.finish();
    return request;
  }
}

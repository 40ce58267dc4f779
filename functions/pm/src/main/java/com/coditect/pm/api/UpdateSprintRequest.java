package com.coditect.pm.api;

import com.coditect.pm.model.SprintStatus;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/**
 * {@code PATCH /v1/sprints/{sprint_id}}. {@code status} is read as any of the spec's choices; which
 * change is allowed (only planned to cancelled) is a rule of the service.
 */
public record UpdateSprintRequest(
    Patch<String> name, Patch<String> goal, Patch<LocalDate> startDate, Patch<LocalDate> endDate,
    Patch<SprintStatus> status) {

  public static UpdateSprintRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    var request = new UpdateSprintRequest(
        fields.patchString("name", SprintFields.NAME_MAX, false),
        fields.patchString("goal", SprintFields.GOAL_MAX, true),
        fields.patchDate("start_date", false),
        fields.patchDate("end_date", false),
        fields.patchChoice("status", SprintStatus.class, false));
    fields.finish();
    return request;
  }
}

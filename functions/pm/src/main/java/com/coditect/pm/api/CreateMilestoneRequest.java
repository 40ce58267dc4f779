package com.coditect.pm.api;

import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** {@code POST /v1/projects/{project_id}/milestones}; {@code status} defaults to {@code open}. */
public record CreateMilestoneRequest(String title, String description, MilestoneStatus status, LocalDate dueDate) {

  public static CreateMilestoneRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    MilestoneFields.rejectProgress(fields);
    MilestoneStatus status = fields.optionalChoice("status", MilestoneStatus.class);
    var request = new CreateMilestoneRequest(
        fields.requiredString("title", MilestoneFields.TITLE_MAX),
        fields.optionalString("description", MilestoneFields.DESCRIPTION_MAX),
        status == null ? MilestoneStatus.OPEN : status,
        fields.optionalDate("due_date"));
    fields.finish();
    return request;
  }
}

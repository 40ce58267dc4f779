package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** {@code POST /v1/projects/{project_id}/milestones}; {@code status} defaults to {@code open}. */
public record CreateMilestoneRequest(String title, String description, String status, LocalDate dueDate) {

  public static CreateMilestoneRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    MilestoneFields.rejectProgress(fields);
    String status = fields.optionalChoice("status", MilestoneFields.STATUSES);
    var request = new CreateMilestoneRequest(
        fields.requiredString("title", MilestoneFields.TITLE_MAX),
        fields.optionalString("description", MilestoneFields.DESCRIPTION_MAX),
        status == null ? "open" : status,
        fields.optionalDate("due_date"));
    fields.finish();
    return request;
  }
}

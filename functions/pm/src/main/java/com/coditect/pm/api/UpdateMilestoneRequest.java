package com.coditect.pm.api;

import com.coditect.pm.model.MilestoneStatus;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** {@code PATCH /v1/milestones/{milestone_id}}; description and due_date may be cleared with null. */
public record UpdateMilestoneRequest(
    Patch<String> title, Patch<String> description, Patch<MilestoneStatus> status, Patch<LocalDate> dueDate) {

  public static UpdateMilestoneRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    MilestoneFields.rejectProgress(fields);
    var request = new UpdateMilestoneRequest(
        fields.patchString("title", MilestoneFields.TITLE_MAX, false),
        fields.patchString("description", MilestoneFields.DESCRIPTION_MAX, true),
        fields.patchChoice("status", MilestoneStatus.class, false),
        fields.patchDate("due_date", true));
    fields.finish();
    return request;
  }
}

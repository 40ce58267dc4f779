package com.coditect.tenancy.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.coditect.tenancy.model.ProjectStatus;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/projects/{project_id}}; the key is immutable and not accepted here. */
public record UpdateProjectRequest(
    Patch<String> name, Patch<String> description, Patch<ProjectStatus> status, Patch<String> ownerId) {

  public static UpdateProjectRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("key", "cannot be changed: task keys are built on it");
    var request = new UpdateProjectRequest(
        fields.patchString("name", ProfileFields.NAME_MAX, false),
        fields.patchString("description", ProfileFields.DESCRIPTION_MAX, true),
        fields.patchChoice("status", ProjectStatus.class, false),
        fields.patchUuid("owner_id", false));
    fields.finish();
    return request;
  }
}

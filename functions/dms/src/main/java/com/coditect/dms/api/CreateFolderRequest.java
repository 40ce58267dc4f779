package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/folders}; no {@code parent_id}: a top-level folder. */
public record CreateFolderRequest(String name, String description, String parentId, String projectId) {

  public static CreateFolderRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateFolderRequest(
        FolderFields.checkName(fields, "name", fields.requiredString("name", FolderFields.NAME_MAX)),
        fields.optionalString("description", FolderFields.DESCRIPTION_MAX),
        fields.optionalUuid("parent_id"),
        fields.optionalUuid("project_id"));
    fields.finish();
    return request;
  }
}

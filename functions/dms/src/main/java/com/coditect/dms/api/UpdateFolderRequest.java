package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/folders/{folder_id}}: a rename ({@code name}), a move ({@code parent_id}; null
 * moves it to the top), a new description or project (both clearable with null), or, alone,
 * {@code "deleted_at": null}, which restores a soft-deleted folder (API.md has no restore route for
 * folders); any other value of {@code deleted_at} is refused.
 */
public record UpdateFolderRequest(Patch<String> name, Patch<String> description, Patch<String> parentId,
    Patch<String> projectId, boolean restore) {

  public static UpdateFolderRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    boolean restore = false;
    if (fields.has("deleted_at")) {
      if (!body.get("deleted_at").isNull()) {
        fields.reject("deleted_at", "may only be null, which restores the folder");
      } else if (body.size() > 1) {
        fields.reject("deleted_at", "restores the folder and must be sent alone");
      } else {
        fields.optionalString("deleted_at", 0); // a JSON null: read, nothing to check
        restore = true;
      }
    }
    Patch<String> name = fields.patchString("name", FolderFields.NAME_MAX, false);
    if (name.isPresent() && FolderFields.checkName(fields, "name", name.value()) == null) {
      name = Patch.absent();
    }
    var request = new UpdateFolderRequest(
        name,
        fields.patchString("description", FolderFields.DESCRIPTION_MAX, true),
        fields.patchUuid("parent_id", true),
        fields.patchUuid("project_id", true),
        restore);
    fields.finish();
    return request;
  }
}

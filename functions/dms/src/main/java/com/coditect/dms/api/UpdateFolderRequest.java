package com.coditect.dms.api;

import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

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
    // Well-formed but not a change a folder takes (a date, or a restore mixed with other changes):
    // 422 once the body's syntax is right, as the document's schema cannot say it.
    String notARestore = null;
    if (fields.has("deleted_at")) {
      fields.optionalString("deleted_at", 64);
      if (!body.get("deleted_at").isNull()) {
        notARestore = "may only be null, which restores the folder";
      } else if (body.size() > 1) {
        notARestore = "restores the folder and must be sent alone";
      } else {
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
    if (notARestore != null) {
      throw new UnprocessableException("deleted_at " + notARestore + ".",
          List.of(new FieldError("deleted_at", notARestore)));
    }
    return request;
  }
}

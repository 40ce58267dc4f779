package com.coditect.dms.api;

import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code PATCH /v1/documents/{document_id}}: the fields to change; an absent field stays as it is,
 * null clears a nullable one. The file itself changes only through a new version.
 */
public record UpdateDocumentRequest(Patch<String> title, Patch<String> description, Patch<List<String>> tags,
    Patch<String> metadata, Patch<String> folderId, Patch<String> projectId, Patch<String> ownerId,
    Patch<DocumentStatus> status) {

  public static UpdateDocumentRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    Patch<String> title = fields.patchString("title", DocumentFields.TITLE_MAX, false);
    Patch<String> description = fields.patchString("description", DocumentFields.DESCRIPTION_MAX, true);
    Patch<List<String>> tags = fields.patchStringList("tags", DocumentFields.TAGS_MAX, DocumentFields.TAG_MAX,
        DocumentFields.TAG, DocumentFields.TAG_RULE, true).map(DocumentFields::normalised);
    Patch<String> metadata = fields.patchObject("metadata", true)
        .map(object -> DocumentFields.metadata(fields, object));
    Patch<String> folderId = fields.patchUuid("folder_id", true);
    Patch<String> projectId = fields.patchUuid("project_id", true);
    Patch<String> ownerId = fields.patchUuid("owner_id", true);
    Patch<DocumentStatus> status = fields.patchChoice("status", DocumentStatus.class, false);
    for (String file : new String[] {"file_name", "mime_type", "file_size_bytes", "checksum", "current_version"}) {
      fields.reject(file, "changes only with a new version (POST /v1/documents/{document_id}/versions)");
    }
    fields.finish();
    return new UpdateDocumentRequest(title, description, tags, metadata, folderId, projectId, ownerId, status);
  }
}

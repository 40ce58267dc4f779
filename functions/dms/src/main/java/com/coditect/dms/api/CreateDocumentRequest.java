package com.coditect.dms.api;

import com.coditect.dms.api.DocumentFields.AnnouncedFile;
import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/documents}: the document's fields and the file of its first version. Only the
 * syntax is checked here; the folder, the project and the status are the service's.
 */
public record CreateDocumentRequest(String title, String description, String folderId, String projectId,
    List<String> tags, String metadata, DocumentStatus status, AnnouncedFile file, String changeSummary) {

  public static CreateDocumentRequest from(JsonNode body) {
    JsonNode rest = body == null || !body.isObject() ? body : body.deepCopy();
    JsonNode size = DocumentFields.takeFileSize(rest);
    JsonFields fields = JsonFields.of(rest);
    String title = fields.requiredString("title", DocumentFields.TITLE_MAX);
    String description = fields.optionalString("description", DocumentFields.DESCRIPTION_MAX);
    String folderId = fields.optionalUuid("folder_id");
    String projectId = fields.optionalUuid("project_id");
    List<String> tags = DocumentFields.tags(fields);
    String metadata = DocumentFields.metadata(fields, fields.optionalObject("metadata"));
    DocumentStatus status = fields.optionalChoice("status", DocumentStatus.class);
    AnnouncedFile file = DocumentFields.file(fields, size);
    String changeSummary = fields.optionalString("change_summary", DocumentFields.CHANGE_SUMMARY_MAX);
    fields.finish();
    // A status the choice list has, but not one to create with: 422.
    if (status == DocumentStatus.DELETED) {
      String message = "must be draft, published or archived (a document is deleted with DELETE)";
      throw new UnprocessableException("status " + message + ".", List.of(new FieldError("status", message)));
    }
    return new CreateDocumentRequest(title, description, folderId, projectId, tags == null ? List.of() : tags,
        metadata == null ? "{}" : metadata, status == null ? DocumentStatus.DRAFT : status, file, changeSummary);
  }
}

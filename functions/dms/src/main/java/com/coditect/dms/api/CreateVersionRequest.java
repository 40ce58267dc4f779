package com.coditect.dms.api;

import com.coditect.dms.api.DocumentFields.AnnouncedFile;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/documents/{document_id}/versions}: either the file of a new version
 * ({@code file_name}, {@code mime_type}, {@code file_size_bytes}, {@code checksum}) or
 * {@code source_version}, an earlier version whose content becomes the new current version (Box's
 * "promote": no upload). Both may carry {@code change_summary}.
 *
 * @param file the announced file (null when restoring)
 * @param sourceVersion the version restored (null when uploading)
 */
public record CreateVersionRequest(AnnouncedFile file, Long sourceVersion, String changeSummary) {

  private static final String RESTORE_UPLOADS_NOTHING = "must not be sent with source_version (a restore uploads nothing)";

  public static CreateVersionRequest from(JsonNode body) {
    JsonNode rest = body == null || !body.isObject() ? body : body.deepCopy();
    JsonNode size = DocumentFields.takeFileSize(rest);
    JsonFields fields = JsonFields.of(rest);
    String changeSummary = fields.optionalString("change_summary", DocumentFields.CHANGE_SUMMARY_MAX);
    if (fields.has("source_version")) {
      Integer source = fields.optionalInteger("source_version", 1, Integer.MAX_VALUE);
      List<FieldError> uploads = new ArrayList<>();
      for (String fileField : new String[] {"file_name", "mime_type", "checksum"}) {
        if (fields.has(fileField)) {
          fields.optionalString(fileField, DocumentFields.FILE_NAME_MAX);
          uploads.add(new FieldError(fileField, RESTORE_UPLOADS_NOTHING));
        }
      }
      if (size != null) {
        uploads.add(new FieldError(DocumentFields.FILE_SIZE, RESTORE_UPLOADS_NOTHING));
      }
      fields.finish();
      // Well-formed, but a restore and an upload at once: 422, as the schema cannot say it.
      if (!uploads.isEmpty()) {
        throw new UnprocessableException("A restore (source_version) uploads nothing: send no file with it.", uploads);
      }
      return new CreateVersionRequest(null, source == null ? null : source.longValue(), changeSummary);
    }
    // Neither a restore nor a whole file: well-formed, but nothing to make a version of (422; the
    // schema cannot say "a file or source_version").
    List<FieldError> missing = new ArrayList<>();
    for (String fileField : new String[] {"file_name", "checksum"}) {
      if (!fields.has(fileField)) {
        missing.add(new FieldError(fileField, "is required unless source_version is given"));
      }
    }
    if (size == null) {
      missing.add(new FieldError(DocumentFields.FILE_SIZE, "is required unless source_version is given"));
    }
    if (!missing.isEmpty()) {
      for (String fileField : new String[] {"file_name", "mime_type", "checksum"}) {
        fields.optionalString(fileField, DocumentFields.FILE_NAME_MAX);
      }
      fields.finish();
      throw new UnprocessableException("A new version needs its file (file_name, file_size_bytes, checksum) "
          + "or a source_version to restore.", missing);
    }
    AnnouncedFile file = DocumentFields.file(fields, size);
    fields.finish();
    return new CreateVersionRequest(file, null, changeSummary);
  }
}

package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/tasks/{task_id}/attachments}: what the client is about to upload. The size and
 * SHA-256 become part of the upload URL's signature; the size limit is a rule of the service (413).
 */
public record CreateAttachmentRequest(String filename, long fileSizeBytes, String mimeType, String sha256) {

  public static final int FILENAME_MAX = 255;
  public static final int MIME_TYPE_MAX = 100;
  public static final String DEFAULT_MIME_TYPE = "application/octet-stream";
  /** RFC 6838 type/subtype names, without parameters. */
  static final Pattern MIME_TYPE = Pattern.compile(
      "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$");
  static final Pattern SHA256 = Pattern.compile("^[0-9A-Fa-f]{64}$");
  /** Path separators, control characters, and the bidi controls that make {@code exe.txt} read as {@code txt.exe}. */
  static final Pattern UNSAFE_IN_FILENAME = Pattern.compile("[/\\\\\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
  static final String FILE_SIZE = "file_size_bytes";

  public static CreateAttachmentRequest from(JsonNode body) {
    // JsonFields reads ints; a file size is a long, so it is read here and the rest there.
    ObjectNode rest = body instanceof ObjectNode object ? object.deepCopy() : null;
    JsonNode size = rest == null ? null : rest.remove(FILE_SIZE);
    JsonFields fields = JsonFields.of(rest == null ? body : rest);
    String filename = fields.requiredString("filename", FILENAME_MAX);
    if (filename != null) {
      checkFilename(fields, filename);
    }
    long fileSizeBytes = fileSize(fields, size);
    String mimeType = fields.matching("mime_type", fields.optionalString("mime_type", MIME_TYPE_MAX), MIME_TYPE,
        "must be a media type, type/subtype (e.g. image/png), without parameters");
    String sha256 = fields.matching("sha256", fields.requiredString("sha256", 64), SHA256,
        "must be the file's SHA-256 as 64 hexadecimal digits");
    fields.finish();
    return new CreateAttachmentRequest(filename, fileSizeBytes, mimeType == null ? DEFAULT_MIME_TYPE : mimeType,
        sha256.toLowerCase(Locale.ROOT));
  }

  private static void checkFilename(JsonFields fields, String filename) {
    if (UNSAFE_IN_FILENAME.matcher(filename).find()) {
      fields.error("filename", "must not contain path separators or control characters");
    } else if (filename.equals(".") || filename.equals("..")) {
      fields.error("filename", "must be a file name, not . or ..");
    }
  }

  private static long fileSize(JsonFields fields, JsonNode size) {
    if (size == null || size.isNull()) {
      fields.error(FILE_SIZE, "is required");
      return 0;
    }
    if (!JsonFields.isWholeNumber(size) || !size.canConvertToLong() || size.longValue() < 1) {
      fields.error(FILE_SIZE, "must be a whole number of bytes, at least 1");
      return 0;
    }
    return size.longValue();
  }
}

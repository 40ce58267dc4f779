package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field rules a document's create, its new versions and its changes share: the file a client
 * announces (name, type, size, SHA-256) and the document's own fields' limits.
 */
public final class DocumentFields {

  public static final int TITLE_MAX = 500;
  public static final int DESCRIPTION_MAX = 10_000;
  public static final int FILE_NAME_MAX = 255;
  public static final int MIME_TYPE_MAX = 100;
  public static final int CHANGE_SUMMARY_MAX = 2_000;
  public static final int TAGS_MAX = 20;
  public static final int TAG_MAX = 50;
  /** Custom metadata is stored inside the document item (400 KB at most), so it is kept small. */
  public static final int METADATA_MAX_CHARS = 16_384;
  /** What one CopyObject moves from staging to content; larger files are refused at announcement. */
  public static final long FILE_SIZE_MAX = 5L * 1024 * 1024 * 1024;
  public static final String DEFAULT_MIME_TYPE = "application/octet-stream";

  static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]*$");
  static final String TAG_RULE = "must start with a letter or digit and hold only letters, digits, spaces and . _ -";
  /** RFC 6838 type/subtype names, without parameters. */
  static final Pattern MIME_TYPE = Pattern.compile(
      "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$");
  /** A SHA-256 as the API spells it: 64 lower-case hexadecimal digits. */
  public static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");
  /** Path separators, control characters, and the bidi controls that make {@code exe.txt} read as {@code txt.exe}. */
  static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[/\\\\\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
  static final String FILE_SIZE = "file_size_bytes";

  private DocumentFields() {}

  /** The file a client is about to upload. */
  public record AnnouncedFile(String fileName, String mimeType, long fileSizeBytes, String checksum) {}

  /**
   * Takes {@code file_size_bytes} out of {@code body} (JsonFields reads ints; a size is a long), so
   * the rest is read with {@link JsonFields}; returns the removed value (null: absent).
   */
  static JsonNode takeFileSize(JsonNode body) {
    return body instanceof ObjectNode object ? object.remove(FILE_SIZE) : null;
  }

  /** Reads the announced file: every field required but the media type. */
  static AnnouncedFile file(JsonFields fields, JsonNode size) {
    String fileName = fields.requiredString("file_name", FILE_NAME_MAX);
    if (fileName != null) {
      checkFileName(fileName).ifPresent(message -> fields.error("file_name", message));
    }
    long fileSizeBytes = fileSize(fields, size);
    String mimeType = fields.matching("mime_type", fields.optionalString("mime_type", MIME_TYPE_MAX), MIME_TYPE,
        "must be a media type, type/subtype (e.g. application/pdf), without parameters");
    String checksum = fields.matching("checksum", fields.requiredString("checksum", 64), SHA256_HEX,
        "must be the file's SHA-256 as 64 lower-case hexadecimal digits");
    return new AnnouncedFile(fileName, mimeType == null ? DEFAULT_MIME_TYPE : mimeType.toLowerCase(Locale.ROOT),
        fileSizeBytes, checksum);
  }

  /**
   * What is wrong with a file name, if anything. Names are data only (never part of an object key),
   * but one that holds a path or control characters would mislead whoever saves the download.
   */
  public static java.util.Optional<String> checkFileName(String fileName) {
    if (fileName.isBlank()) {
      return java.util.Optional.of("must not be blank");
    }
    if (UNSAFE_IN_FILE_NAME.matcher(fileName).find()) {
      return java.util.Optional.of("must not contain path separators or control characters");
    }
    if (fileName.equals(".") || fileName.equals("..")) {
      return java.util.Optional.of("must be a file name, not . or ..");
    }
    return java.util.Optional.empty();
  }

  private static long fileSize(JsonFields fields, JsonNode size) {
    if (size == null || size.isNull()) {
      fields.error(FILE_SIZE, "is required");
      return 0;
    }
    if (!JsonFields.isWholeNumber(size) || !size.canConvertToLong() || size.longValue() < 1
        || size.longValue() > FILE_SIZE_MAX) {
      fields.error(FILE_SIZE, "must be a whole number of bytes from 1 to " + FILE_SIZE_MAX);
      return 0;
    }
    return size.longValue();
  }

  static List<String> tags(JsonFields fields) {
    return normalised(fields.optionalStringList("tags", TAGS_MAX, TAG_MAX, TAG, TAG_RULE));
  }

  /** Tags are compared without case: each is one list row, so {@code Legal} and {@code legal} are one tag. */
  static List<String> normalised(List<String> tags) {
    return tags == null ? null : tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  /** The metadata object as stored (its JSON text), or null; too large is a 400 naming it. */
  static String metadata(JsonFields fields, ObjectNode metadata) {
    if (metadata == null) {
      return null;
    }
    String text = metadata.toString();
    if (text.length() > METADATA_MAX_CHARS) {
      fields.error("metadata", "must be at most " + METADATA_MAX_CHARS + " characters as JSON");
    }
    return text;
  }
}

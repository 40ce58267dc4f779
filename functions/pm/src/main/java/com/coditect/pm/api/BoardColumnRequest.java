package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One column as a client sends it ({@code id} may be absent: the service then gives it one). Only
 * each column's own syntax is checked here (400); the rules between columns (unique ids and
 * positions, a status in at most one column) are the service's (422), since no schema can state them.
 */
public record BoardColumnRequest(String id, String name, List<String> statusMapping, int position) {

  public static final int MIN_COLUMNS = 1;
  public static final int MAX_COLUMNS = 20;
  public static final int NAME_MAX = 100;
  public static final int ID_MAX = 50;
  /** A short slug: lower-case letters and digits, then also '_' and '-'. */
  public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0," + (ID_MAX - 1) + "}$");

  static final String FIELD = "columns";

  /**
   * Reads the {@code columns} field, which the caller knows is present: an array of 1 to 20
   * column objects. Every problem is added to {@code fields}; the result is null if there was any.
   */
  static List<BoardColumnRequest> readAll(JsonFields fields, JsonNode body) {
    if (body.get(FIELD).isNull()) {
      fields.reject(FIELD, "cannot be null");
      return null;
    }
    ArrayNode array = fields.optionalArray(FIELD);
    if (array == null) {
      return null;
    }
    if (array.size() < MIN_COLUMNS || array.size() > MAX_COLUMNS) {
      fields.error(FIELD, "must have " + MIN_COLUMNS + " to " + MAX_COLUMNS + " columns");
      return null;
    }
    List<BoardColumnRequest> columns = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < array.size(); i++) {
      BoardColumnRequest column = read(fields, i, array.get(i));
      valid &= column != null;
      columns.add(column);
    }
    return valid ? List.copyOf(columns) : null;
  }

  private static BoardColumnRequest read(JsonFields fields, int index, JsonNode element) {
    JsonFields column = fields.arrayObject(FIELD, index, element);
    if (column == null) {
      return null;
    }
    boolean valid = true;
    String id = null;
    if (element.has("id")) {
      id = element.get("id").isNull() ? nullNotAllowed(column, "id")
          : column.matching("id", column.optionalString("id", ID_MAX), ID,
              "must be 1 to " + ID_MAX + " lower-case letters, digits, '_' or '-', starting with a letter or digit");
      valid = id != null && ID.matcher(id).matches();
    }
    String name = column.requiredString("name", NAME_MAX);
    List<String> statuses = statusMapping(column, element);
    Integer position = requireNonNull(column, element, "position")
        ? column.optionalInteger("position", 0, MAX_COLUMNS - 1) : null;
    column.finish();
    if (!valid || name == null || statuses == null || position == null) {
      return null;
    }
    return new BoardColumnRequest(id, name, statuses, position);
  }

  /** A non-empty list of distinct task statuses. */
  private static List<String> statusMapping(JsonFields column, JsonNode element) {
    String field = "status_mapping";
    if (!requireNonNull(column, element, field)) {
      return null;
    }
    ArrayNode array = column.optionalArray(field);
    if (array == null) {
      return null;
    }
    if (array.isEmpty()) {
      column.error(field, "must map at least one task status");
      return null;
    }
    List<String> statuses = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < array.size(); i++) {
      JsonNode status = array.get(i);
      String at = field + "[" + i + "]";
      if (!status.isTextual() || !TaskFields.STATUSES.contains(status.textValue())) {
        column.error(at, "must be a task status: " + String.join(", ", TaskFields.STATUSES));
        valid = false;
      } else if (statuses.contains(status.textValue())) {
        column.error(at, "is a duplicate");
        valid = false;
      } else {
        statuses.add(status.textValue());
      }
    }
    return valid ? List.copyOf(statuses) : null;
  }

  /** Records "is required" for an absent or null member; true when it is there to be read. */
  private static boolean requireNonNull(JsonFields column, JsonNode element, String field) {
    JsonNode value = element.get(field);
    if (value == null) {
      column.error(field, "is required");
      return false;
    }
    if (value.isNull()) {
      column.reject(field, "is required");
      return false;
    }
    return true;
  }

  /** An optional member sent as null: absent is allowed, null is not a value it can have. */
  private static String nullNotAllowed(JsonFields column, String field) {
    column.reject(field, "cannot be null; leave it out instead");
    return null;
  }
}

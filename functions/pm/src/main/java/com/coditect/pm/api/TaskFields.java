package com.coditect.pm.api;

import com.coditect.pm.model.TaskPriority;
import com.coditect.pm.model.TaskStatus;
import com.coditect.pm.model.TaskType;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Choices and limits of task fields (spec Domain 1.1), shared by the create and update bodies. */
public final class TaskFields {

  /** The spellings of the choice lists (their enums in {@code model/}), for query filters and board columns. */
  public static final List<String> TYPES = Choice.apiNames(TaskType.class);
  public static final List<String> STATUSES = Choice.apiNames(TaskStatus.class);
  public static final List<String> PRIORITIES = Choice.apiNames(TaskPriority.class);
  public static final int TITLE_MAX = 500;
  public static final int DESCRIPTION_MAX = 50_000;
  public static final int STORY_POINTS_MAX = 1000;
  /** Each tag is a list row as well: the cap keeps a task's transaction far below DynamoDB's 100 parts. */
  public static final int TAGS_MAX = 20;
  public static final int TAG_MAX = 50;
  /** ASCII letters, digits, spaces and . _ - ; stored lower-case, so ?tag= matches regardless of case. */
  static final Pattern TAG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]*$");
  static final String TAG_RULE = "must start with a letter or digit and hold only letters, digits, spaces and . _ -";
  /** Custom fields ride in the task item, its create event and its history; 4 KB of JSON keeps those small. */
  public static final int CUSTOM_FIELDS_MAX_BYTES = 4096;

  private TaskFields() {}

  /** How a response spells a choice (null stays null). */
  static String apiName(Choice value) {
    return value == null ? null : value.apiName();
  }

  static List<String> normalisedTags(List<String> tags) {
    return tags == null ? null : tags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  static ObjectNode checkedCustomFields(JsonFields fields, ObjectNode customFields) {
    if (customFields != null && JsonText.write(customFields).getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > CUSTOM_FIELDS_MAX_BYTES) {
      fields.error("custom_fields", "must be at most " + CUSTOM_FIELDS_MAX_BYTES + " bytes of JSON");
      return null;
    }
    return customFields;
  }
}

package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import java.util.Optional;

/** The spec's limits for folders (Domain 2.3) and the rules a folder name follows. */
public final class FolderFields {

  public static final int NAME_MAX = 255;
  public static final int DESCRIPTION_MAX = 10_000;
  /** The spec's {@code CharField(2000)} for {@code path}: every folder's, after any move or rename. */
  public static final int PATH_MAX = 2000;

  private FolderFields() {}

  /**
   * Why {@code name} cannot name a folder, if it cannot: a name is one segment of the
   * {@code /}-separated path, so it holds no {@code /}, no control character, is not {@code .} or
   * {@code ..} (no traversal) and has no space at either end (names compare trimmed).
   */
  public static Optional<String> nameProblem(String name) {
    if (name.indexOf('/') >= 0) {
      return Optional.of("must not contain '/'");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("must not be '.' or '..'");
    }
    if (!name.equals(name.strip())) {
      return Optional.of("must not start or end with a space");
    }
    return Optional.empty();
  }

  /** Reports a name problem of {@code name} (null: already reported or absent) as an error on {@code field}. */
  static String checkName(JsonFields fields, String field, String name) {
    if (name == null) {
      return null;
    }
    Optional<String> problem = nameProblem(name);
    problem.ifPresent(message -> fields.error(field, message));
    return problem.isPresent() ? null : name;
  }
}

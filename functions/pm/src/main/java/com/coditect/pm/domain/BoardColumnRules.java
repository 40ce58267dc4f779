package com.coditect.pm.domain;

import com.coditect.pm.api.BoardColumnRequest;
import com.coditect.pm.data.BoardColumn;
import com.coditect.pm.model.TaskStatus;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules between a board's columns, which no request schema can state: ids and positions are
 * unique within the board, and a task status belongs to at most one column (else a task would show
 * twice). Errors name the later of two clashing columns, e.g. {@code columns[2].status_mapping}.
 */
final class BoardColumnRules {

  /** What a board gets when created without columns: one column per active status. */
  static final List<BoardColumn> DEFAULT_KANBAN = List.of(
      columnOf(TaskStatus.TODO, "To do", 0),
      columnOf(TaskStatus.IN_PROGRESS, "In progress", 1),
      columnOf(TaskStatus.IN_REVIEW, "In review", 2),
      columnOf(TaskStatus.DONE, "Done", 3));

  private static final String FALLBACK_ID = "column";

  private BoardColumnRules() {}

  /**
   * The columns to store, sorted by position, with an id for each column sent without one: the
   * slug of its name ({@code "In QA"} -> {@code in-qa}), with {@code -2}, {@code -3}... when taken.
   * Deriving the id from the name keeps it stable when a client resends the same columns.
   */
  static List<BoardColumn> apply(List<BoardColumnRequest> requested) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    Map<Integer, Integer> positions = new HashMap<>();
    Map<String, Integer> statuses = new HashMap<>();
    for (int i = 0; i < requested.size(); i++) {
      BoardColumnRequest column = requested.get(i);
      String at = "columns[" + i + "].";
      if (column.id() != null) {
        Integer first = ids.putIfAbsent(column.id(), i);
        if (first != null) {
          errors.add(new FieldError(at + "id", "is already the id of columns[" + first + "]"));
        }
      }
      Integer first = positions.putIfAbsent(column.position(), i);
      if (first != null) {
        errors.add(new FieldError(at + "position", "is already the position of columns[" + first + "]"));
      }
      for (String status : column.statusMapping()) {
        Integer owner = statuses.putIfAbsent(status, i);
        if (owner != null) {
          errors.add(new FieldError(at + "status_mapping",
              "maps " + status + ", which columns[" + owner + "] already maps; a status belongs to at most one column"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new UnprocessableException("The board's columns contradict each other.", errors);
    }
    Set<String> taken = new HashSet<>(ids.keySet());
    List<BoardColumn> columns = new ArrayList<>();
    for (BoardColumnRequest column : requested) {
      String id = column.id() != null ? column.id() : freeId(slug(column.name()), taken);
      columns.add(new BoardColumn(id, column.name(), column.statusMapping(), column.position()));
    }
    columns.sort(Comparator.comparingInt(BoardColumn::position));
    return List.copyOf(columns);
  }

  private static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > BoardColumnRequest.ID_MAX) {
      slug = slug.substring(0, BoardColumnRequest.ID_MAX).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? FALLBACK_ID : slug;
  }

  private static String freeId(String base, Set<String> taken) {
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      String suffix = "-" + n;
      id = base.substring(0, Math.min(base.length(), BoardColumnRequest.ID_MAX - suffix.length())) + suffix;
    }
    return id;
  }

  /** A default column: named after the one status it shows, with that status's spelling as its id. */
  private static BoardColumn columnOf(TaskStatus status, String name, int position) {
    return new BoardColumn(status.apiName(), name, List.of(status.apiName()), position);
  }
}

package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.pm.api.BoardColumnRequest;
import com.coditect.pm.api.TaskFields;
import com.coditect.pm.data.BoardColumn;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules between a board's columns that no request schema states, one by one. */
class BoardColumnRulesTest {

  @Test
  void theDefaultBoardHasOneColumnPerActiveStatusInWorkOrder() {
    List<BoardColumn> columns = BoardColumnRules.DEFAULT_KANBAN;
    assertEquals(List.of("todo", "in_progress", "in_review", "done"), columns.stream().map(BoardColumn::id).toList());
    assertEquals(List.of(0, 1, 2, 3), columns.stream().map(BoardColumn::position).toList());
    columns.forEach(column -> {
      assertEquals(List.of(column.id()), column.statusMapping());
      assertEquals(true, TaskFields.STATUSES.contains(column.id()));
    });
  }

  @Test
  void columnsAreStoredInPositionOrderWhateverOrderTheyCameIn() {
    List<BoardColumn> columns = BoardColumnRules.apply(List.of(
        column("done", "Done", List.of("done"), 7),
        column("todo", "To do", List.of("todo", "backlog"), 2),
        column("doing", "Doing", List.of("in_progress"), 5)));
    assertEquals(List.of("todo", "doing", "done"), columns.stream().map(BoardColumn::id).toList());
    assertEquals(List.of("todo", "backlog"), columns.get(0).statusMapping(), "a column keeps its statuses as sent");
  }

  @Test
  void aColumnWithoutAnIdGetsTheSlugOfItsName() {
    List<BoardColumn> columns = BoardColumnRules.apply(List.of(
        column(null, "In QA", List.of("in_review"), 0),
        column(null, "  Ready -- for  Release!  ", List.of("done"), 1),
        column(null, "¿¡ ☺ !?", List.of("todo"), 2)));
    assertEquals(List.of("in-qa", "ready-for-release", "column"), columns.stream().map(BoardColumn::id).toList());
  }

  @Test
  void aTakenSlugGetsANumberAndExplicitIdsAreReservedFirst() {
    List<BoardColumn> columns = BoardColumnRules.apply(List.of(
        column(null, "Review", List.of("in_review"), 0),
        column(null, "review", List.of("done"), 1),
        column("review-2", "Second review", List.of("todo"), 2),
        column(null, "REVIEW", List.of("backlog"), 3)));
    assertEquals(List.of("review", "review-3", "review-2", "review-4"), columns.stream().map(BoardColumn::id).toList());
  }

  @Test
  void aLongSlugIsCutToTheIdLimitSuffixIncluded() {
    String name = "a".repeat(BoardColumnRequest.ID_MAX + 10);
    List<BoardColumn> columns = BoardColumnRules.apply(List.of(
        column(null, name, List.of("todo"), 0),
        column(null, name, List.of("done"), 1)));
    assertEquals("a".repeat(BoardColumnRequest.ID_MAX), columns.get(0).id());
    assertEquals("a".repeat(BoardColumnRequest.ID_MAX - 2) + "-2", columns.get(1).id());
    columns.forEach(column -> assertEquals(true, BoardColumnRequest.ID.matcher(column.id()).matches(), column.id()));
  }

  @Test
  void twoColumnsWithOneIdAre422NamingTheLaterOne() {
    assertRefused(List.of(new FieldError("columns[1].id", "is already the id of columns[0]")),
        column("same", "A", List.of("todo"), 0), column("same", "B", List.of("done"), 1));
  }

  @Test
  void twoColumnsAtOnePositionAre422NamingTheLaterOne() {
    assertRefused(List.of(new FieldError("columns[2].position", "is already the position of columns[0]")),
        column("a", "A", List.of("todo"), 4), column("b", "B", List.of("done"), 5), column("c", "C", List.of("backlog"), 4));
  }

  @Test
  void aStatusInTwoColumnsIs422NamingTheLaterOne() {
    assertRefused(List.of(new FieldError("columns[1].status_mapping",
            "maps todo, which columns[0] already maps; a status belongs to at most one column")),
        column("a", "A", List.of("todo"), 0), column("b", "B", List.of("done", "todo"), 1));
  }

  @Test
  void everyClashIsReportedAtOnce() {
    UnprocessableException refused = assertThrows(UnprocessableException.class, () -> BoardColumnRules.apply(List.of(
        column("x", "A", List.of("todo"), 0), column("x", "B", List.of("todo"), 0))));
    assertEquals(List.of("columns[1].id", "columns[1].position", "columns[1].status_mapping"),
        refused.errors().stream().map(FieldError::field).toList());
  }

  private static void assertRefused(List<FieldError> errors, BoardColumnRequest... columns) {
    UnprocessableException refused = assertThrows(UnprocessableException.class,
        () -> BoardColumnRules.apply(List.of(columns)));
    assertEquals(errors, refused.errors());
  }

  private static BoardColumnRequest column(String id, String name, List<String> statuses, int position) {
    return new BoardColumnRequest(id, name, statuses, position);
  }
}

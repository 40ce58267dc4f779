package com.coditect.pm.api;

import com.coditect.pm.data.BoardColumn;
import java.util.List;

/** A column of {@code GET /v1/boards/{board_id}}: the column and this page's tasks in it, as lists show them. */
public record BoardColumnWithTasksResponse(
    String id, String name, List<String> statusMapping, int position, List<TaskSummaryResponse> tasks) {

  public static BoardColumnWithTasksResponse of(BoardColumn column, List<TaskSummaryResponse> tasks) {
    return new BoardColumnWithTasksResponse(column.id(), column.name(), column.statusMapping(), column.position(),
        List.copyOf(tasks));
  }
}

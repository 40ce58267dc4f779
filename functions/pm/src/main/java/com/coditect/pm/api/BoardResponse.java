package com.coditect.pm.api;

import com.coditect.pm.data.BoardColumn;
import com.coditect.pm.data.BoardItem;
import java.util.List;

/** A board as the API shows it in lists and after writes: its columns without their tasks. */
public record BoardResponse(
    String id, String projectId, String name, String boardType, List<BoardColumn> columns, String createdAt,
    String updatedAt) {

  public static BoardResponse from(BoardItem board) {
    return new BoardResponse(board.id(), board.projectId(), board.name(), board.boardType().apiName(), board.columns(),
        board.createdAt(), board.updatedAt());
  }
}

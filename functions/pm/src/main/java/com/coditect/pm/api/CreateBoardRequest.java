package com.coditect.pm.api;

import com.coditect.pm.model.BoardType;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/projects/{project_id}/boards}. {@code board_type} defaults to kanban; without
 * {@code columns} (null here) the board gets the default kanban columns.
 */
public record CreateBoardRequest(String name, BoardType boardType, List<BoardColumnRequest> columns) {

  public static final BoardType DEFAULT_BOARD_TYPE = BoardType.KANBAN;
  public static final int NAME_MAX = 255;

  public static CreateBoardRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String name = fields.requiredString("name", NAME_MAX);
    BoardType boardType = DEFAULT_BOARD_TYPE;
    if (body.has("board_type")) {
      if (body.get("board_type").isNull()) {
        fields.reject("board_type", "cannot be null; leave it out for " + DEFAULT_BOARD_TYPE.apiName());
      } else {
        boardType = fields.requiredChoice("board_type", BoardType.class);
      }
    }
    List<BoardColumnRequest> columns = body.has(BoardColumnRequest.FIELD)
        ? BoardColumnRequest.readAll(fields, body) : null;
    fields.finish();
    return new CreateBoardRequest(name, boardType, columns);
  }
}

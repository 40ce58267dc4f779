package com.coditect.pm.api;

import com.coditect.pm.model.BoardType;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code PATCH /v1/boards/{board_id}}: {@code columns}, when sent, replace the whole list. */
public record UpdateBoardRequest(
    Patch<String> name, Patch<BoardType> boardType, Patch<List<BoardColumnRequest>> columns) {

  public static UpdateBoardRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("project_id", "cannot be changed: a board belongs to its project");
    Patch<String> name = fields.patchString("name", CreateBoardRequest.NAME_MAX, false);
    Patch<BoardType> boardType = fields.patchChoice("board_type", BoardType.class, false);
    Patch<List<BoardColumnRequest>> columns = body.has(BoardColumnRequest.FIELD)
        ? Patch.of(BoardColumnRequest.readAll(fields, body)) : Patch.absent();
    fields.finish();
    return new UpdateBoardRequest(name, boardType, columns);
  }
}

package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code PATCH /v1/boards/{board_id}}: {@code columns}, when sent, replace the whole list. */
public record BoardUpdateRequest(Patch<String> name, Patch<String> boardType, Patch<List<BoardColumnRequest>> columns) {

  public static BoardUpdateRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    fields.requireAnyPresent();
    fields.reject("project_id", "cannot be changed: a board belongs to its project");
    Patch<String> name = fields.patchString("name", BoardCreateRequest.NAME_MAX, false);
    Patch<String> boardType = fields.patchChoice("board_type", BoardCreateRequest.BOARD_TYPES, false);
    Patch<List<BoardColumnRequest>> columns = body.has(BoardColumnRequest.FIELD)
        ? Patch.of(BoardColumnRequest.readAll(fields, body)) : Patch.absent();
    fields.finish();
    return new BoardUpdateRequest(name, boardType, columns);
  }
}

package com.coditect.pm.api;

import java.util.List;

/**
 * {@code GET /v1/boards/{board_id}}: the board with one page of its tasks placed in their columns.
 * With {@code next_cursor} the client asks for the same board with that cursor and appends each
 * column's tasks to those it has.
 */
public record BoardWithTasksResponse(
    String id, String projectId, String name, String boardType, List<BoardColumnWithTasksResponse> columns,
    String createdAt, String updatedAt, String nextCursor) {}

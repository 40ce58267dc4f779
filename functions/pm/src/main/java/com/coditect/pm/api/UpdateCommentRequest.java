package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PATCH /v1/tasks/{task_id}/comments/{comment_id}}: the content is the only thing to change. */
public record UpdateCommentRequest(String content) {

  public static UpdateCommentRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new UpdateCommentRequest(fields.requiredString("content", CreateCommentRequest.CONTENT_MAX));
    fields.finish();
    return request;
  }
}

package com.coditect.pm.api;

import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /v1/tasks/{task_id}/comments}: Markdown, stored exactly as written. */
public record CreateCommentRequest(String content) {

  /** A long review fits; a pasted log file does not (attach it instead). */
  public static final int CONTENT_MAX = 20_000;

  public static CreateCommentRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    var request = new CreateCommentRequest(fields.requiredString("content", CONTENT_MAX));
    fields.finish();
    return request;
  }
}

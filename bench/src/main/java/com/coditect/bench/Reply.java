package com.coditect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A successful response's headers (names case-insensitive) and JSON body, as the route plans read them. */
record Reply(Map<String, String> headers, JsonNode json) {

  String text(String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("response has no text field " + field + ": " + json);
    }
    return value.textValue();
  }

  String etag() {
    String etag = headers.get("ETag");
    if (etag == null) {
      throw new IllegalStateException("response has no ETag: " + json);
    }
    return etag;
  }
}

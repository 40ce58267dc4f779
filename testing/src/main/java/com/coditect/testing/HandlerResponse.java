package com.coditect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A function's answer to one HTTP API event, as the tests see it: status, headers (case-insensitive
 * names), the body parsed as JSON (null when empty) and as text, and the DynamoDB operations the
 * request made, in order.
 */
public record HandlerResponse(int status, Map<String, String> headers, JsonNode json, String raw,
    List<String> dynamoCalls) {

  /** A top-level text field of the body, or null. */
  public String text(String field) {
    return json.path(field).asText(null);
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** The fields named in a problem's {@code errors}. */
  public List<String> errorFields() {
    return json.path("errors").findValuesAsText("field");
  }

  /** How many times the request called {@code operation} (GetItem, Query, ...). */
  public int calls(String operation) {
    return (int) dynamoCalls.stream().filter(operation::equals).count();
  }

  /** Fails unless the status is {@code expected}; the message shows the body. */
  public void assertStatus(int expected) {
    if (status != expected) {
      throw new AssertionError("expected status " + expected + " but was " + status + ": " + raw);
    }
  }
}

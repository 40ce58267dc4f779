package com.coditect.shared.error;

import com.coditect.shared.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps errors to RFC 9457 `application/problem+json` responses. */
public final class ProblemMapper {

  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://docs.coditect.dev/problems/";

  private ProblemMapper() {}

  public static ApiResponse toResponse(ApiException e, String requestId) {
    ApiResponse response = problem(e.status(), e.title(), e.detail(), e.errors(),
        e instanceof UnprocessableException unprocessable ? unprocessable.extensions() : Map.of(), requestId);
    // RFC 9110 section 10.2.3: a 429 may say when to try again; clients should not guess.
    if (e instanceof TooManyRequestsException tooMany) {
      response = response.withHeader("Retry-After", Integer.toString(tooMany.retryAfterSeconds()));
    }
    return response;
  }

  /** A 500 deliberately says nothing about the cause; the log line carries the request id. */
  public static ApiResponse internalError(String requestId) {
    return problem(500, "Internal server error",
        "Something went wrong on our side. Quote the request_id when reporting it.", List.of(), Map.of(), requestId);
  }

  private static ApiResponse problem(
      int status, String title, String detail, List<FieldError> errors, Map<String, Object> extensions,
      String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("request_id", requestId);
    body.put("errors", errors);
    body.putAll(extensions);
    return ApiResponse.json(status, body).withHeader("Content-Type", CONTENT_TYPE);
  }
}

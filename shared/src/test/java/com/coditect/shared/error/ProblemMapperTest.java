package com.coditect.shared.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.http.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  @Test
  void aTooManyRequestsProblemSaysWhenToTryAgain() {
    ApiResponse response = ProblemMapper.toResponse(
        new TooManyRequestsException("A report is being generated.", 30), "req-1");

    assertEquals(429, response.status());
    assertEquals("30", response.headers().get("Retry-After"));
    assertEquals(ProblemMapper.CONTENT_TYPE, response.headers().get("Content-Type"));
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.body();
    assertEquals("https://docs.coditect.dev/problems/too-many-requests", body.get("type"));
    assertEquals("Too many requests", body.get("title"));
    assertEquals(429, body.get("status"));
    assertEquals("A report is being generated.", body.get("detail"));
    assertEquals(List.of(), body.get("errors"));
  }

  @Test
  void otherProblemsCarryNoRetryAfter() {
    ApiResponse conflict = ProblemMapper.toResponse(ConflictException.forField("name", "is in use"), "req-2");
    assertEquals(409, conflict.status());
    assertFalse(conflict.headers().containsKey("Retry-After"));
  }

  @Test
  void anUnprocessableProblemCarriesItsExtensionMembersBesideErrors() {
    List<Map<String, String>> problems = List.of(Map.of("code", "NO_START", "message", "needs a start node"));
    ApiResponse response = ProblemMapper.toResponse(new UnprocessableException("The definition is not valid.",
        List.of(new FieldError("definition", "NO_START: needs a start node")), Map.of("problems", problems)), "req-3");

    assertEquals(422, response.status());
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.body();
    assertEquals(problems, body.get("problems"));
    assertEquals(List.of(new FieldError("definition", "NO_START: needs a start node")), body.get("errors"));
    // Without extensions the document is as before: no member beyond the standard ones.
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) ProblemMapper.toResponse(
        UnprocessableException.forField("name", "is wrong"), "req-4").body();
    assertEquals(List.of("type", "title", "status", "detail", "request_id", "errors"), List.copyOf(plain.keySet()));
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    assertThrows(IllegalArgumentException.class, () -> new TooManyRequestsException("wait", 0));
  }
}

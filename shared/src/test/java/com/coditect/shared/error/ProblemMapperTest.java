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
  void retryAfterIsAtLeastOneSecond() {
    assertThrows(IllegalArgumentException.class, () -> new TooManyRequestsException("wait", 0));
  }
}

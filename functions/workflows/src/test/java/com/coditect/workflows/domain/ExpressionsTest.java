package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

  private static final JsonNode INPUT = Json.readTree("{\"context\": {\"amount\": 120, \"owner\": \"ana\"},"
      + " \"steps\": {\"a\": {\"output\": {\"task_id\": \"t-1\"}}}, \"trigger\": null}");

  @Test
  void conditionsFollowJsonataTruthiness() {
    assertTrue(Expressions.test("context.amount > 100", INPUT));
    assertFalse(Expressions.test("context.amount > 200", INPUT));
    assertFalse(Expressions.test("context.missing", INPUT));
  }

  @Test
  void paramsStartingWithEqualsAreEvaluatedAtAnyDepthAndOthersKept() {
    JsonNode params = Json.readTree("{\"title\": \"=\\\"Review \\\" & context.owner\", \"n\": 3,"
        + " \"nested\": {\"task\": \"=steps.a.output.task_id\"}, \"list\": [\"=context.amount * 2\", \"plain\"]}");
    JsonNode resolved = Expressions.resolveParams(params, INPUT);
    assertEquals("Review ana", resolved.path("title").asText());
    assertEquals(3, resolved.path("n").asInt());
    assertEquals("t-1", resolved.path("nested").path("task").asText());
    assertEquals(240, resolved.path("list").path(0).asInt());
    assertEquals("plain", resolved.path("list").path(1).asText());
  }

  @Test
  void anExpressionThatFailsSaysWhichAndWhy() {
    Expressions.ExpressionException compile = assertThrows(Expressions.ExpressionException.class,
        () -> Expressions.evaluate("context.(", INPUT));
    assertTrue(compile.getMessage().startsWith("expression 'context.(' failed: "), compile.getMessage());
    assertThrows(Expressions.ExpressionException.class, () -> Expressions.evaluate("$number('x')", INPUT));
  }

  @Test
  void aRunawayExpressionIsStoppedByItsBound() {
    String recursion = "($f := function($n) { $f($n + 1) }; $f(0))";
    Expressions.ExpressionException stopped = assertThrows(Expressions.ExpressionException.class,
        () -> Expressions.evaluate(recursion, INPUT));
    assertTrue(stopped.getMessage().contains("failed"), stopped.getMessage());
  }
}

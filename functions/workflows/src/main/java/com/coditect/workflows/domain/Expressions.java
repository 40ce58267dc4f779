package com.coditect.workflows.domain;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSONata at run time (dashjoin's pure-Java implementation): edge conditions, action parameters
 * written as {@code "=<expression>"} and output mappings, over the input
 * {@code {"context", "steps": {<node id>: {"output"}}, "trigger"}}. Every evaluation is bounded in
 * time and depth, so a runaway expression fails its step instead of holding the engine; any failure
 * is an {@link ExpressionException} with the evaluator's message.
 */
public final class Expressions {

  /** The bound of one evaluation: wall time and recursion depth. */
  static final long TIMEOUT_MS = 1_000;
  static final int MAX_DEPTH = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Expressions() {}

  /** The value of {@code expression} over {@code input}; JSON null when it yields nothing. */
  public static JsonNode evaluate(String expression, JsonNode input) {
    Object result;
    try {
      Jsonata compiled = Jsonata.jsonata(expression);
      Jsonata.Frame bounded = compiled.createFrame();
      bounded.setRuntimeBounds(TIMEOUT_MS, MAX_DEPTH);
      result = compiled.evaluate(MAPPER.convertValue(input, Object.class), bounded);
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExpressionException(expression, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (result == null || result == Jsonata.NULL_VALUE) {
      return NullNode.instance;
    }
    try {
      return MAPPER.valueToTree(result);
    } catch (IllegalArgumentException e) {
      // A function value (a lambda) is no JSON.
      throw new ExpressionException(expression, "the result is not JSON data");
    }
  }

  /** Whether {@code condition} holds over {@code input}, by JSONata's own truthiness. */
  public static boolean test(String condition, JsonNode input) {
    JsonNode value = evaluate(condition, input);
    return Jsonata.boolize(MAPPER.convertValue(value, Object.class));
  }

  /**
   * {@code params} with every string value that starts with {@code "="} replaced by the value of
   * the expression after it, at any depth; other values as they are.
   */
  public static JsonNode resolveParams(JsonNode params, JsonNode input) {
    if (params.isTextual() && params.asText().startsWith("=")) {
      return evaluate(params.asText().substring(1), input);
    }
    if (params.isObject()) {
      ObjectNode resolved = MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = params.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        resolved.set(field.getKey(), resolveParams(field.getValue(), input));
      }
      return resolved;
    }
    if (params.isArray()) {
      var resolved = MAPPER.createArrayNode();
      params.forEach(element -> resolved.add(resolveParams(element, input)));
      return resolved;
    }
    return params;
  }

  /** An expression that did not compile or failed when it ran. */
  public static final class ExpressionException extends RuntimeException {
    ExpressionException(String expression, String message) {
      super("expression '" + abbreviated(expression) + "' failed: " + message);
    }

    private static String abbreviated(String expression) {
      return expression.length() <= 80 ? expression : expression.substring(0, 77) + "...";
    }
  }
}

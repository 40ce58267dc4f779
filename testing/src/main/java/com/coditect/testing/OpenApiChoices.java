package com.coditect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a schema of the OpenAPI document allows, however it is written: inline
 * ({@code {"enum": [...]}}), a named enum schema ({@code {"$ref": "#/components/schemas/TaskStatus"}}),
 * or a nullable one ({@code {"anyOf": [{"$ref": ...}, {"type": "null"}]}}). A null the schema also
 * allows is left out, so the list compares with a Java enum's spellings.
 */
public final class OpenApiChoices {

  private OpenApiChoices() {}

  /** The values of {@code components.schemas.<schema>.properties.<property>}; fails if it has none. */
  public static List<String> ofProperty(JsonNode document, String schema, String property) {
    JsonNode node = document.path("components").path("schemas").path(schema).path("properties").path(property);
    List<String> values = of(document, node);
    if (values.isEmpty()) {
      throw new AssertionError(schema + "." + property + " has no enum in the document");
    }
    return values;
  }

  /** The values of a schema node of the document, following local references and anyOf/oneOf. */
  public static List<String> of(JsonNode document, JsonNode schema) {
    List<String> values = new ArrayList<>();
    collect(document, schema, values, 0);
    return values;
  }

  private static void collect(JsonNode document, JsonNode schema, List<String> values, int depth) {
    if (depth > 10) {
      throw new IllegalStateException("$ref cycle in the document near " + schema);
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("not a local $ref: " + ref);
      }
      JsonNode target = document.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException("dangling $ref " + ref);
      }
      collect(document, target, values, depth + 1);
    }
    schema.path("enum").forEach(value -> {
      if (!value.isNull()) {
        values.add(value.asText());
      }
    });
    for (String combinator : List.of("anyOf", "oneOf")) {
      schema.path(combinator).forEach(option -> collect(document, option, values, depth + 1));
    }
  }
}

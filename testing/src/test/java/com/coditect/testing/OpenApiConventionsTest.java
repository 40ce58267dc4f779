package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shapes of docs/openapi.json that standard client generators take whole (issue #12): every
 * choice list is one named enum schema, referenced wherever it is used; no two named enums spell the
 * same values; query parameters are single-typed (a oneOf/anyOf parameter broke the Java client).
 * scripts/clients.sh then proves it by generating, building and running both clients.
 */
class OpenApiConventionsTest {

  private static final JsonNode DOCUMENT = document();
  private static final JsonNode SCHEMAS = DOCUMENT.path("components").path("schemas");

  @Test
  void everyEnumIsANamedSchemaOfItsOwn() {
    List<String> inline = new ArrayList<>();
    walk(DOCUMENT, "#", (node, path) -> {
      if (node.has("enum") && !isNamedSchema(path)) {
        inline.add(path);
      }
    });
    assertEquals(List.of(), inline, "inline enums: reference a named enum schema of components/schemas instead");
  }

  @Test
  void noTwoNamedEnumsSpellTheSameValues() {
    Map<Set<String>, String> byValues = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    SCHEMAS.properties().forEach(entry -> {
      if (entry.getValue().has("enum")) {
        Set<String> values = new TreeSet<>(OpenApiChoices.of(DOCUMENT, entry.getValue()));
        String other = byValues.putIfAbsent(values, entry.getKey());
        if (other != null) {
          duplicates.add(other + " = " + entry.getKey());
        }
      }
    });
    assertEquals(List.of(), duplicates);
  }

  @Test
  void namedEnumsAreNonNullStrings() {
    SCHEMAS.properties().forEach(entry -> {
      if (entry.getValue().has("enum")) {
        assertEquals("string", entry.getValue().path("type").asText(), entry.getKey());
        entry.getValue().path("enum").forEach(value -> assertTrue(value.isTextual(), entry.getKey() + ": " + value));
      }
    });
  }

  /**
   * A schema of type null alone is "nothing but null": the Java generator makes it a class it never
   * defines (ModelNull), so the client does not build. null goes with another type
   * ({@code ["string", "null"]}) or beside a reference in an anyOf.
   */
  @Test
  void nullIsNeverATypeOnItsOwn() {
    List<String> onlyNull = new ArrayList<>();
    walk(DOCUMENT, "#", (node, path) -> {
      if (node.path("type").isTextual() && node.path("type").asText().equals("null") && !path.matches(".*/(anyOf|oneOf)/\\d+$")) {
        onlyNull.add(path);
      }
    });
    assertEquals(List.of(), onlyNull, "schemas of type null alone: give them another type beside null");
  }

  @Test
  void parametersHaveOneType() {
    List<String> combined = new ArrayList<>();
    walk(DOCUMENT, "#", (node, path) -> {
      if (node.has("in") && node.has("schema")) {
        JsonNode schema = node.get("schema");
        if (schema.has("oneOf") || schema.has("anyOf") || schema.path("type").isArray()) {
          combined.add(path + " (" + node.path("name").asText() + ")");
        }
      }
    });
    assertEquals(List.of(), combined);
  }

  /**
   * An operation that honours If-Match (412) also answers 409: without If-Match a lost race is
   * Preconditions.stale's ConflictException, and schemathesis's parallel workers do lose such races.
   */
  @Test
  void everyOperationWithPreconditionFailedAlsoDocumentsConflict() {
    List<String> missing = new ArrayList<>();
    DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      JsonNode responses = operation.getValue().path("responses");
      if (responses.has("412") && !responses.has("409")) {
        missing.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    assertEquals(List.of(), missing, "document 409 Conflict beside 412");
  }

  private static boolean isNamedSchema(String path) {
    return path.matches("#/components/schemas/[^/]+");
  }

  private interface Visitor {
    void visit(JsonNode node, String path);
  }

  private static void walk(JsonNode node, String path, Visitor visitor) {
    if (node.isObject()) {
      visitor.visit(node, path);
      node.properties().forEach(entry -> walk(entry.getValue(), path + "/" + entry.getKey(), visitor));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, visitor);
      }
    }
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

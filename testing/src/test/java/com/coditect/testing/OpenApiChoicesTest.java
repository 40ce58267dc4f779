package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiChoicesTest {

  private static final JsonNode DOCUMENT = read("""
      {"components": {"schemas": {
        "Status": {"type": "string", "enum": ["open", "closed"]},
        "Alias": {"$ref": "#/components/schemas/Status"},
        "Thing": {"type": "object", "properties": {
          "inline": {"type": ["string", "null"], "enum": ["a", "b", null]},
          "named": {"$ref": "#/components/schemas/Status"},
          "nullable": {"anyOf": [{"$ref": "#/components/schemas/Alias"}, {"type": "null"}]},
          "plain": {"type": "string"},
          "dangling": {"$ref": "#/components/schemas/Gone"}
        }}
      }}}""");

  @Test
  void readsAnInlineEnumWithoutItsNull() {
    assertEquals(List.of("a", "b"), OpenApiChoices.ofProperty(DOCUMENT, "Thing", "inline"));
  }

  @Test
  void followsAReferenceToANamedEnum() {
    assertEquals(List.of("open", "closed"), OpenApiChoices.ofProperty(DOCUMENT, "Thing", "named"));
  }

  @Test
  void followsANullableReferenceThroughAnAlias() {
    assertEquals(List.of("open", "closed"), OpenApiChoices.ofProperty(DOCUMENT, "Thing", "nullable"));
  }

  @Test
  void failsForAPropertyWithoutChoices() {
    assertThrows(AssertionError.class, () -> OpenApiChoices.ofProperty(DOCUMENT, "Thing", "plain"));
    assertThrows(AssertionError.class, () -> OpenApiChoices.ofProperty(DOCUMENT, "Thing", "absent"));
  }

  @Test
  void refusesADanglingReference() {
    assertThrows(IllegalStateException.class, () -> OpenApiChoices.ofProperty(DOCUMENT, "Thing", "dangling"));
  }

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

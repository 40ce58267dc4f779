package com.coditect.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText} and {@link JsonTrees} against the Jackson mapper they replace on the request
 * path: same text written, same trees read, same plain values.
 */
class JsonTextTest {

  private static final ObjectMapper DATABIND = Json.newMapper();

  enum Colour { RED, GREEN }

  record Inner(String displayName, Integer storyPoints) {}

  private record Outer(
      String taskId, long fileSizeBytes, boolean isDone, Double ratio, Colour colour, UUID ownerId,
      List<Inner> subTasks, Map<String, Object> customFields, JsonNode rawTree, String nothing,
      @JsonProperty("status_mapping") List<String> statusMapping,
      @JsonInclude(JsonInclude.Include.NON_NULL) String omittedWhenNull,
      @JsonInclude(JsonInclude.Include.NON_NULL) String keptWhenSet,
      String s3Key, String aBCValue) {}

  private static Outer outer() throws JsonProcessingException {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("b", 1);
    custom.put("a", List.of(true, "x\n\"y\"\u0001"));
    custom.put("n", null);
    return new Outer("ENG-42", 3_000_000_000L, true, 0.1, Colour.GREEN,
        UUID.fromString("0191d3f2-7a00-7000-8000-000000000001"),
        List.of(new Inner("Ünïcödé ✓", null), new Inner("b", 3)), custom,
        DATABIND.readTree("{\"z\":[1,2.50,1e400,12345678901234567890123],\"y\":{}}"), null,
        List.of("todo", "done"), null, "set", "k", "v");
  }

  @Test
  void writesRecordsMapsAndTreesAsTheMapperDid() throws Exception {
    Outer value = outer();
    assertEquals(DATABIND.writeValueAsString(value), JsonText.write(value));
    assertEquals(DATABIND.writeValueAsString(List.of(value, Map.of("k", value))),
        JsonText.write(List.of(value, Map.of("k", value))));
  }

  @Test
  void namesComponentsSnakeCaseUnlessNamedAndOmitsMarkedNulls() throws Exception {
    JsonNode written = DATABIND.readTree(JsonText.write(outer()));
    assertEquals("ENG-42", written.get("task_id").asText());
    assertEquals(3_000_000_000L, written.get("file_size_bytes").asLong());
    assertTrue(written.has("nothing") && written.get("nothing").isNull());
    assertTrue(written.has("status_mapping"));
    assertTrue(!written.has("omitted_when_null") && written.has("kept_when_set"));
    assertEquals("GREEN", written.get("colour").asText());
  }

  @Test
  void writesTreesExactlyAsTheMapperDoesForHashing() throws Exception {
    String text = "{\"b\":[1,-2,3000000000,98765432109876543210,0.1,-1.5E-7,1.0E300],"
        + "\"a\":\"tab\\t quote\\\" slash/ ünï \\u0000 \\u2028\",\"c\":null,\"d\":true,\"e\":{\"x\":[]}}";
    JsonNode tree = DATABIND.readTree(text);
    assertEquals(DATABIND.writeValueAsString(tree), JsonText.write(tree));
  }

  @Test
  void parsesAsReadTreeDoes() throws Exception {
    for (String text : List.of("{\"a\":1,\"b\":3000000000,\"c\":98765432109876543210,\"d\":2.5,\"e\":[true,false,null]}",
        "[1,{\"x\":{\"y\":[]}}]", "\"text\"", "42", "null", "{\"dup\":1,\"dup\":2}", " {\"ws\" : [ 1 , 2 ] } ")) {
      JsonNode expected = DATABIND.readTree(text);
      JsonNode parsed = JsonText.parse(text);
      assertEquals(expected, parsed, text);
      assertEquals(expected.getClass(), parsed.getClass(), text);
    }
  }

  @Test
  void refusesMalformedEmptyTrailingAndTooDeepText() {
    for (String text : List.of("", "   ", "{\"a\":", "{\"a\":1} {}", "[1] x", "{'a':1}", "[1,]")) {
      assertThrows(JsonProcessingException.class, () -> JsonText.parse(text), text);
    }
    JsonProcessingException at = assertThrows(JsonProcessingException.class, () -> JsonText.parse("{\n  \"a\": tru }"));
    assertEquals(2, at.getLocation().getLineNr());
    // Jackson's nesting limit applies: a deep document fails cleanly, never with a StackOverflowError.
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThrows(JsonProcessingException.class, () -> JsonText.parse(deep));
  }

  @Test
  void plainValuesAreWhatConvertValueGives() throws Exception {
    JsonNode tree = DATABIND.readTree("{\"a\":1,\"b\":3000000000,\"c\":2.5,\"d\":[\"x\",null,{\"e\":false}],\"f\":null}");
    assertEquals(DATABIND.convertValue(tree, Object.class), JsonTrees.plain(tree));
    assertEquals(DATABIND.convertValue(DATABIND.valueToTree(outer()), Object.class),
        JsonTrees.plain(JsonTrees.of(outer())));
  }

  @Test
  void refusesTypesWithNoAgreedForm() {
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(Map.of("when", Optional.empty())));
  }
}

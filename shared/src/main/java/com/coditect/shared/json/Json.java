package com.coditect.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Stored JSON text, and the platform's Jackson mapper configuration. The functions read and write
 * JSON with {@link JsonText} and {@link JsonTrees}, which need no mapper; the mapper is what tests
 * and local tools read responses with, and what {@link JsonText} is checked against.
 */
public final class Json {

  private Json() {}

  /**
   * Parses stored JSON text; text that is not JSON means the store is corrupt. Streaming, with no
   * mapper (see {@link JsonText}).
   */
  public static JsonNode readTree(String text) {
    try {
      return JsonText.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON text is not JSON", e);
    }
  }

  /** A mapper with the platform's rules: snake_case names, nulls written out, one value per text. */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}

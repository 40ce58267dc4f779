package com.coditect.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration of the platform: snake_case names, nulls written out. */
public final class Json {

  private Json() {}

  /**
   * The one mapper with Jackson's defaults, for what needs no naming rules: JSON text stored in
   * an attribute, log lines, hashing. Shared, since each mapper costs time at a cold start.
   */
  public static ObjectMapper plain() {
    return Plain.MAPPER;
  }

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

  // Created on first use, so a function that never needs it never pays for it.
  private static final class Plain {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** Builds a mapper; callers keep one (it is costly to create and thread-safe to share). */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}

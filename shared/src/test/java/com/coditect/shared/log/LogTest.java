package com.coditect.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Levels, the minimum level, the request context and {@code cold_start} on log lines. */
class LogTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final Log LOG = Log.forClass(LogTest.class);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    Log.setMinimumLevel(Log.Level.INFO);
    Log.clearContext();
    Log.redirect(System.out);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(MAPPER.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void everyLineCarriesItsLevelAndLogger() throws Exception {
    LOG.info("started", "items", 3);
    LOG.warn("slow");
    LOG.error("failed", new IllegalStateException("secret"));
    List<JsonNode> lines = lines();
    assertEquals(List.of("INFO", "WARN", "ERROR"), lines.stream().map(line -> line.get("level").asText()).toList());
    assertEquals("LogTest", lines.get(0).get("logger").asText());
    assertEquals(3, lines.get(0).get("items").asInt());
    assertEquals(IllegalStateException.class.getName(), lines.get(2).get("error").asText());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("secret"), "only the error's class is logged");
  }

  @Test
  void linesBelowTheMinimumLevelAreDropped() throws Exception {
    Log.setMinimumLevel(Log.Level.WARN);
    LOG.debug("detail");
    LOG.info("routine");
    LOG.warn("odd");
    Log.named("x").log(Log.Level.ERROR, "bad", null);
    assertEquals(List.of("WARN", "ERROR"), lines().stream().map(line -> line.get("level").asText()).toList());
    assertFalse(Log.isEnabled(Log.Level.INFO));
    assertTrue(Log.isEnabled(Log.Level.ERROR));
  }

  @Test
  void debugIsOffByDefault() throws Exception {
    LOG.debug("detail");
    assertTrue(lines().isEmpty());
  }

  @Test
  void coldStartIsTrueOnlyWhileTheInstanceServesItsFirstRequest() throws Exception {
    Log.forgetServed();
    LOG.info("before any request");
    Log.setContext("req-1", "tenant-1");
    LOG.info("first");
    LOG.info("first again");
    Log.clearContext();
    Log.setContext("req-2", null);
    LOG.info("second");
    Log.clearContext();
    List<JsonNode> lines = lines();
    assertFalse(lines.get(0).has("cold_start"), "outside a request there is no cold_start");
    assertTrue(lines.get(1).get("cold_start").asBoolean());
    assertTrue(lines.get(2).get("cold_start").asBoolean());
    assertFalse(lines.get(3).get("cold_start").asBoolean());
  }

  @Test
  void theContextIsOnEveryLineUntilCleared() throws Exception {
    Log.setContext("req-1", null);
    Log.setTenant("tenant-1");
    LOG.info("inside");
    Log.clearContext();
    LOG.info("outside");
    List<JsonNode> lines = lines();
    assertEquals("req-1", lines.get(0).get("request_id").asText());
    assertEquals("tenant-1", lines.get(0).get("tenant_id").asText());
    assertFalse(lines.get(1).has("request_id"));
    assertFalse(lines.get(1).has("tenant_id"));
  }
}

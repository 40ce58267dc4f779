package com.coditect.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.log.Log;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LOG_LEVEL: INFO by default, any case accepted, nonsense refused at init. */
class LogConfigTest {

  @Test
  void defaultsToInfo() {
    assertEquals(Log.Level.INFO, LogConfig.fromMap(Map.of()).minimumLevel());
    assertEquals(Log.Level.INFO, LogConfig.fromMap(Map.of("LOG_LEVEL", " ")).minimumLevel());
  }

  @Test
  void readsTheLevelFromTheEnvironment() {
    assertEquals(Log.Level.WARN, LogConfig.fromMap(Map.of("LOG_LEVEL", "warn")).minimumLevel());
    assertEquals(Log.Level.DEBUG, LogConfig.fromMap(Map.of("LOG_LEVEL", " DEBUG ")).minimumLevel());
  }

  @Test
  void refusesAnUnknownLevel() {
    for (String bad : new String[] {"TRACE", "verbose", "2"}) {
      assertThrows(IllegalStateException.class, () -> LogConfig.fromMap(Map.of("LOG_LEVEL", bad)), bad);
    }
  }
}

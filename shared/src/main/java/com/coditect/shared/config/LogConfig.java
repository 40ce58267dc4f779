package com.coditect.shared.config;

import com.coditect.shared.log.Log;
import java.util.Locale;
import java.util.Map;

/**
 * How much the function logs.
 *
 * @param minimumLevel lines below it are dropped ({@code LOG_LEVEL}: DEBUG, INFO, WARN or ERROR;
 *     default INFO)
 */
public record LogConfig(Log.Level minimumLevel) {

  public static LogConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  /** An unknown level fails at init, as a mistyped one would otherwise silence or flood the log. */
  public static LogConfig fromMap(Map<String, String> env) {
    String raw = env.get("LOG_LEVEL");
    if (raw == null || raw.isBlank()) {
      return new LogConfig(Log.Level.INFO);
    }
    try {
      return new LogConfig(Log.Level.valueOf(raw.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("environment variable LOG_LEVEL must be DEBUG, INFO, WARN or ERROR, not " + raw);
    }
  }
}

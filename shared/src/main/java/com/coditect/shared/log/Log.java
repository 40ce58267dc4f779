package com.coditect.shared.log;

import com.coditect.shared.config.LogConfig;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.json.JsonTrees;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Structured JSON log lines on stdout, each with its {@code level}, and within a request or event
 * the {@code request_id} and {@code tenant_id} being served and {@code cold_start} (true while the
 * instance serves its first one). Lines below the minimum level ({@code LOG_LEVEL}, default INFO)
 * are dropped. Callers pass facts (route, status, error class), never bodies, tokens or personal
 * data. The AWS SDK's own warnings arrive here too, through SLF4J ({@link StructuredLogProvider}).
 */
public final class Log {

  /** The levels, lowest first. */
  public enum Level { DEBUG, INFO, WARN, ERROR }

  private static final int MAX_FRAMES = 20;
  private static final ThreadLocal<Map<String, Object>> CONTEXT =
      ThreadLocal.withInitial(LinkedHashMap::new);
  /** Set by the first request or event this instance serves; a SnapStart snapshot serves none. */
  private static final AtomicBoolean SERVED = new AtomicBoolean();
  private static volatile PrintStream out = System.out;
  private static volatile Level minimumLevel = LogConfig.fromEnvironment().minimumLevel();

  private final String logger;

  private Log(String logger) {
    this.logger = logger;
  }

  public static Log forClass(Class<?> type) {
    return new Log(type.getSimpleName());
  }

  /** A logger with a name of its own, such as an SLF4J logger's. */
  public static Log named(String logger) {
    return new Log(logger);
  }

  /**
   * Sets the request's context for every line this thread logs until {@link #clearContext()},
   * which the caller runs in a {@code finally}: a warm instance's next request must not inherit it.
   */
  public static void setContext(String requestId, String tenantId) {
    Map<String, Object> context = CONTEXT.get();
    context.clear();
    context.put("request_id", requestId);
    if (tenantId != null) {
      context.put("tenant_id", tenantId);
    }
    context.put("cold_start", !SERVED.getAndSet(true));
  }

  public static void setTenant(String tenantId) {
    CONTEXT.get().put("tenant_id", tenantId);
  }

  public static void clearContext() {
    CONTEXT.remove();
  }

  /** Makes the next request count as the instance's first again; for tests of {@code cold_start}. */
  static void forgetServed() {
    SERVED.set(false);
  }

  /** Redirects output; used by tests that assert what is (not) logged. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  /** Changes the minimum level; the function's own comes from {@code LOG_LEVEL} ({@link LogConfig}). */
  public static void setMinimumLevel(Level level) {
    minimumLevel = level;
  }

  public static boolean isEnabled(Level level) {
    return level.compareTo(minimumLevel) >= 0;
  }

  public void debug(String message, Object... keyValues) {
    write(Level.DEBUG, message, null, keyValues);
  }

  public void info(String message, Object... keyValues) {
    write(Level.INFO, message, null, keyValues);
  }

  public void warn(String message, Object... keyValues) {
    write(Level.WARN, message, null, keyValues);
  }

  /** Logs the error's class and stack, which stay in the log and never reach a client. */
  public void error(String message, Throwable error, Object... keyValues) {
    write(Level.ERROR, message, error, keyValues);
  }

  /** One line at any level, with the error's class and stack when there is one. */
  public void log(Level level, String message, Throwable error) {
    write(level, message, error);
  }

  private void write(Level level, String message, Throwable error, Object... keyValues) {
    if (!isEnabled(level)) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.now().toString());
    line.put("level", level.name());
    line.put("logger", logger);
    line.put("message", message);
    line.putAll(CONTEXT.get());
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    if (error != null) {
      line.put("error", error.getClass().getName());
      // The innermost frames locate the fault; the rest is framework plumbing.
      StringBuilder stack = new StringBuilder();
      StackTraceElement[] frames = error.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        stack.append(frames[i]).append('\n');
      }
      if (error.getCause() != null) {
        line.put("cause", error.getCause().getClass().getName());
      }
      line.put("stack", stack.toString());
    }
    out.println(JsonText.write(loggable(line)));
  }

  /** A value with no JSON form (an exception, a bean) is logged as its text instead of losing the line. */
  private static Map<String, Object> loggable(Map<String, Object> line) {
    Map<String, Object> safe = new LinkedHashMap<>();
    line.forEach((name, value) -> {
      try {
        safe.put(name, JsonTrees.of(value));
      } catch (IllegalArgumentException e) {
        safe.put(name, String.valueOf(value));
      }
    });
    return safe;
  }
}

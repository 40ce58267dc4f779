package com.coditect.shared.log;

import com.coditect.shared.json.JsonText;
import com.coditect.shared.json.JsonTrees;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON log lines on stdout, each with the {@code request_id} and {@code tenant_id} of
 * the request being served. Callers pass facts (route, status, error class), never bodies, tokens
 * or personal data.
 */
public final class Log {

  private static final int MAX_FRAMES = 20;
  private static final ThreadLocal<Map<String, String>> CONTEXT =
      ThreadLocal.withInitial(LinkedHashMap::new);
  private static volatile PrintStream out = System.out;

  private final String logger;

  private Log(String logger) {
    this.logger = logger;
  }

  public static Log forClass(Class<?> type) {
    return new Log(type.getSimpleName());
  }

  /** Sets the request's context for every line this thread logs until {@link #clearContext()}. */
  public static void setContext(String requestId, String tenantId) {
    Map<String, String> context = CONTEXT.get();
    context.clear();
    context.put("request_id", requestId);
    if (tenantId != null) {
      context.put("tenant_id", tenantId);
    }
  }

  public static void setTenant(String tenantId) {
    CONTEXT.get().put("tenant_id", tenantId);
  }

  public static void clearContext() {
    CONTEXT.remove();
  }

  /** Redirects output; used by tests that assert what is (not) logged. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  public void info(String message, Object... keyValues) {
    write("INFO", message, null, keyValues);
  }

  public void warn(String message, Object... keyValues) {
    write("WARN", message, null, keyValues);
  }

  /** Logs the error's class and stack, which stay in the log and never reach a client. */
  public void error(String message, Throwable error, Object... keyValues) {
    write("ERROR", message, error, keyValues);
  }

  private void write(String level, String message, Throwable error, Object... keyValues) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.now().toString());
    line.put("level", level);
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

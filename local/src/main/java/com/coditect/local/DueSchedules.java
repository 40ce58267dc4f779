package com.coditect.local;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When EventBridge Scheduler schedules fire, as the local runtime plays it: an {@code at(...)}
 * schedule once, at its time (UTC, to the second); a {@code rate(...)} or {@code cron(...)} one at
 * each time its expression gives after it was created ({@link ScheduleExpression}). Like the
 * Scheduler, a schedule that missed times (the runtime was stopped, or behind) fires once and then
 * keeps to its expression: missed invocations are not made up. Pure: the caller says what exists
 * and what time it is.
 */
final class DueSchedules {

  private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)$");

  /** A schedule as it stands: its name, expression, when it was created and whether it is enabled. */
  record Spec(String name, String expression, Instant createdAt, boolean enabled) {

    boolean isOneTime() {
      return expression.trim().startsWith("at(");
    }
  }

  /** Per schedule (by name and expression): the next time it fires; absent once a one-time one fired. */
  private final Map<String, Instant> next = new HashMap<>();
  private final Map<String, String> expressions = new HashMap<>();

  /**
   * The schedules of {@code current} due at {@code now}, each once; they are then armed for their
   * next time (a one-time schedule for none). Schedules no longer listed are forgotten, so one made
   * again under the same name starts afresh.
   */
  synchronized List<Spec> due(List<Spec> current, Instant now) {
    Map<String, Spec> byName = new HashMap<>();
    current.forEach(spec -> byName.put(spec.name(), spec));
    next.keySet().retainAll(byName.keySet());
    expressions.keySet().retainAll(byName.keySet());
    List<Spec> due = new ArrayList<>();
    for (Spec spec : current) {
      if (!spec.expression().equals(expressions.get(spec.name()))) {
        expressions.put(spec.name(), spec.expression());
        Instant first = first(spec);
        if (first == null) {
          next.remove(spec.name());
        } else {
          next.put(spec.name(), first);
        }
      }
      Instant when = next.get(spec.name());
      if (when == null || now.isBefore(when)) {
        continue;
      }
      if (spec.enabled()) {
        due.add(spec);
      }
      Instant after = spec.isOneTime() ? null : nextAfter(spec.expression(), now);
      if (after == null) {
        next.remove(spec.name());
      } else {
        next.put(spec.name(), after);
      }
    }
    return due;
  }

  /** The time of an {@code at(yyyy-MM-ddTHH:mm:ss)} expression, in UTC. */
  static Instant at(String expression) {
    Matcher at = AT.matcher(expression.trim());
    if (!at.matches()) {
      throw new IllegalArgumentException("not a one-time schedule expression: " + expression);
    }
    try {
      return LocalDateTime.parse(at.group(1)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a one-time schedule expression: " + expression, e);
    }
  }

  private static Instant first(Spec spec) {
    return spec.isOneTime() ? at(spec.expression()) : nextAfter(spec.expression(), spec.createdAt());
  }

  private static Instant nextAfter(String expression, Instant after) {
    return ScheduleExpression.parse(expression).nextAfter(after.atZone(ZoneOffset.UTC))
        .map(next -> next.toInstant()).orElse(null);
  }
}

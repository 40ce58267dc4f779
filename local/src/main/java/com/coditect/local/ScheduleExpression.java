package com.coditect.local;

import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * An EventBridge schedule expression, {@code rate(5 minutes)} or {@code cron(0 3 1 * ? *)}, reduced
 * to "when does it fire next" (UTC, as EventBridge schedules run).
 *
 * <p>EventBridge's cron has six fields (minutes, hours, day of month, month, day of week, year)
 * with Quartz's syntax: names, lists, ranges, steps, {@code *}, {@code ?} (one of the two day
 * fields must be it), {@code L}, {@code W} and {@code #}, days of the week numbered 1 (SUN) to 7.
 * Quartz's {@link CronExpression} reads it with a seconds field put in front.
 */
final class ScheduleExpression {

  private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$");
  private static final Pattern CRON = Pattern.compile("^cron\\((.+)\\)$");
  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

  private final Duration rate;
  private final CronExpression cron;

  private ScheduleExpression(Duration rate, CronExpression cron) {
    this.rate = rate;
    this.cron = cron;
  }

  static ScheduleExpression parse(String expression) {
    Matcher rate = RATE.matcher(expression.trim());
    if (rate.matches()) {
      long amount = Long.parseLong(rate.group(1));
      ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
          : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
      return new ScheduleExpression(Duration.of(amount, unit), null);
    }
    Matcher cron = CRON.matcher(expression.trim());
    if (!cron.matches()) {
      throw new IllegalArgumentException("not a schedule expression: " + expression);
    }
    String fields = cron.group(1).trim();
    // Quartz takes the year as optional; EventBridge requires all six fields.
    if (fields.split("\\s+").length != 6) {
      throw new IllegalArgumentException("a cron expression has six fields: " + expression);
    }
    try {
      CronExpression quartz = new CronExpression("0 " + fields);
      quartz.setTimeZone(UTC);
      return new ScheduleExpression(null, quartz);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid schedule expression " + expression + ": " + e.getMessage(), e);
    }
  }

  /** The next time after {@code from} that it fires; empty when it never fires again. */
  Optional<ZonedDateTime> nextAfter(ZonedDateTime from) {
    ZonedDateTime start = from.withZoneSameInstant(ZoneOffset.UTC);
    if (rate != null) {
      return Optional.of(start.plus(rate));
    }
    return Optional.ofNullable(cron.getNextValidTimeAfter(Date.from(start.toInstant())))
        .map(next -> next.toInstant().atZone(ZoneOffset.UTC));
  }
}

package com.coditect.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, {@code rate(5 minutes)} or {@code cron(0 3 1 * ? *)} (minutes,
 * hours, day of month, month, day of week, year; UTC), reduced to "when does it fire next". Cron
 * supports numbers, names, lists, ranges, steps, {@code *}, {@code ?} and {@code L} in the day of
 * month; {@code W} and {@code #} are not supported and make {@link #parse} fail.
 */
final class ScheduleExpression {

  private static final Pattern RATE = Pattern.compile("^rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)$");
  private static final Pattern CRON = Pattern.compile("^cron\\((.+)\\)$");
  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private final Duration rate;
  private final String[] cron;

  private ScheduleExpression(Duration rate, String[] cron) {
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
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().toUpperCase(Locale.ROOT).split("\\s+");
      if (fields.length != 6 || cron.group(1).contains("W") && !cron.group(1).contains("WED")
          || cron.group(1).contains("#")) {
        throw new IllegalArgumentException("unsupported schedule expression: " + expression);
      }
      return new ScheduleExpression(null, fields);
    }
    throw new IllegalArgumentException("not a schedule expression: " + expression);
  }

  /** The next time after {@code from} that it fires, if within five years. */
  Optional<ZonedDateTime> nextAfter(ZonedDateTime from) {
    ZonedDateTime start = from.withZoneSameInstant(ZoneOffset.UTC);
    if (rate != null) {
      return Optional.of(start.plus(rate));
    }
    ZonedDateTime t = start.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = start.plusYears(5);
    while (t.isBefore(limit)) {
      if (!matches(cron[5], t.getYear(), 1970, 2199, null) || !matches(cron[3], t.getMonthValue(), 1, 12, MONTHS)) {
        t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        continue;
      }
      if (!dayMatches(t)) {
        t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
        continue;
      }
      if (!matches(cron[1], t.getHour(), 0, 23, null)) {
        t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
        continue;
      }
      if (matches(cron[0], t.getMinute(), 0, 59, null)) {
        return Optional.of(t);
      }
      t = t.plusMinutes(1);
    }
    return Optional.empty();
  }

  private boolean dayMatches(ZonedDateTime t) {
    String dayOfMonth = cron[2];
    String dayOfWeek = cron[4];
    boolean domOk = dayOfMonth.equals("?") || (dayOfMonth.equals("L")
        ? t.getDayOfMonth() == t.with(TemporalAdjusters.lastDayOfMonth()).getDayOfMonth()
        : matches(dayOfMonth, t.getDayOfMonth(), 1, 31, null));
    // EventBridge numbers days 1 (SUN) to 7 (SAT).
    int day = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
    boolean dowOk = dayOfWeek.equals("?") || matches(dayOfWeek, day, 1, 7, DAYS);
    return domOk && dowOk;
  }

  private static boolean matches(String field, int value, int min, int max, String[] names) {
    for (String part : field.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = Integer.parseInt(part.substring(slash + 1));
      }
      int low;
      int high;
      if (range.equals("*") || range.equals("?")) {
        low = min;
        high = max;
      } else if (range.contains("-")) {
        low = number(range.substring(0, range.indexOf('-')), names, min);
        high = number(range.substring(range.indexOf('-') + 1), names, min);
      } else {
        low = number(range, names, min);
        high = slash >= 0 ? max : low;
      }
      if (value >= low && value <= high && (value - low) % step == 0) {
        return true;
      }
    }
    return false;
  }

  private static int number(String text, String[] names, int min) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(text)) {
          return i + min;
        }
      }
    }
    return Integer.parseInt(text);
  }
}

package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

  private static final ZonedDateTime FROM = ZonedDateTime.parse("2026-11-25T19:04:30Z");

  private static ZonedDateTime next(String expression) {
    return ScheduleExpression.parse(expression).nextAfter(FROM).orElseThrow();
  }

  @Test
  void ratesAddTheirPeriod() {
    assertEquals(FROM.plusMinutes(5), next("rate(5 minutes)"));
    assertEquals(FROM.plusHours(1), next("rate(1 hour)"));
    assertEquals(FROM.plusDays(7), next("rate(7 days)"));
  }

  @Test
  void monthlyCronFiresOnTheFirstAtItsHour() {
    assertEquals(ZonedDateTime.parse("2026-12-01T02:00Z"), next("cron(0 2 1 * ? *)"));
  }

  @Test
  void cronStepsListsRangesAndNames() {
    assertEquals(ZonedDateTime.parse("2026-11-25T19:15Z"), next("cron(0/15 * * * ? *)"));
    assertEquals(ZonedDateTime.parse("2026-11-27T09:30Z"), next("cron(30 9 ? * FRI *)"));
    assertEquals(ZonedDateTime.parse("2026-11-26T08:00Z"), next("cron(0 8 ? * MON-FRI *)"));
    assertEquals(ZonedDateTime.parse("2027-01-15T00:00Z"), next("cron(0 0 15 JAN,JUL ? *)"));
  }

  @Test
  void lastDayOfMonth() {
    assertEquals(ZonedDateTime.parse("2026-11-30T23:00Z"), next("cron(0 23 L * ? *)"));
  }

  @Test
  void nearestWeekdayStaysInItsMonth() {
    // 29 November 2026 is a Sunday: the nearest weekday is Monday the 30th.
    assertEquals(ZonedDateTime.parse("2026-11-30T00:00Z"), next("cron(0 0 29W * ? *)"));
    // 31 January 2027 is a Sunday: the last weekday of January is Friday the 29th.
    assertEquals(ZonedDateTime.parse("2027-01-29T00:00Z"), next("cron(0 0 LW 1 ? *)"));
  }

  @Test
  void nthDayOfTheWeekInTheMonth() {
    // The third Friday of November 2026 (the 20th) has passed; December's is the 18th.
    assertEquals(ZonedDateTime.parse("2026-12-18T00:00Z"), next("cron(0 0 ? * 6#3 *)"));
  }

  @Test
  void lastDayOfTheWeekInTheMonth() {
    assertEquals(ZonedDateTime.parse("2026-11-27T12:00Z"), next("cron(0 12 ? * 6L *)"));
  }

  @Test
  void yearsInThePastNeverFire() {
    assertEquals(true, ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").nextAfter(FROM).isEmpty());
  }

  @Test
  void refusesWhatEventBridgeRefuses() {
    // EventBridge wants exactly one of the two day fields to be "?".
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 1 * MON *)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * * * *)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 ? * 6#6 *)"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every tuesday"));
    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * *)"));
  }
}

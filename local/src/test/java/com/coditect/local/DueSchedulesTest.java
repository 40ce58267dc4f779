package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueSchedulesTest {

  private static final Instant CREATED = Instant.parse("2026-12-03T21:00:10Z");

  private static DueSchedules.Spec spec(String name, String expression) {
    return new DueSchedules.Spec(name, expression, CREATED, true);
  }

  private static List<String> names(List<DueSchedules.Spec> due) {
    return due.stream().map(DueSchedules.Spec::name).toList();
  }

  @Test
  void aOneTimeScheduleFiresOnceAtItsSecondAndNeverAgain() {
    DueSchedules due = new DueSchedules();
    List<DueSchedules.Spec> timers = List.of(spec("t-wait", "at(2026-12-03T21:05:00)"));
    assertEquals(List.of(), names(due.due(timers, Instant.parse("2026-12-03T21:04:59.999Z"))));
    assertEquals(List.of("t-wait"), names(due.due(timers, Instant.parse("2026-12-03T21:05:00Z"))));
    assertEquals(List.of(), names(due.due(timers, Instant.parse("2026-12-03T21:05:01Z"))));
    assertEquals(List.of(), names(due.due(timers, Instant.parse("2026-12-04T00:00:00Z"))));
  }

  @Test
  void aOneTimeScheduleInThePastFiresAtOnce() {
    DueSchedules due = new DueSchedules();
    assertEquals(List.of("late"), names(due.due(List.of(spec("late", "at(2026-12-01T00:00:00)")), CREATED)));
  }

  @Test
  void aRateScheduleFiresEveryPeriodFromItsCreationWithoutMakingUpMissedTimes() {
    DueSchedules due = new DueSchedules();
    List<DueSchedules.Spec> rate = List.of(spec("s-wf-1", "rate(5 minutes)"));
    assertEquals(List.of(), names(due.due(rate, CREATED.plusSeconds(299))));
    assertEquals(List.of("s-wf-1"), names(due.due(rate, CREATED.plusSeconds(300))));
    assertEquals(List.of(), names(due.due(rate, CREATED.plusSeconds(301))));
    assertEquals(List.of("s-wf-1"), names(due.due(rate, CREATED.plusSeconds(600))));
    // Stopped for an hour: one firing, then every 5 minutes from then on.
    Instant back = CREATED.plusSeconds(4200);
    assertEquals(List.of("s-wf-1"), names(due.due(rate, back)));
    assertEquals(List.of(), names(due.due(rate, back.plusSeconds(299))));
    assertEquals(List.of("s-wf-1"), names(due.due(rate, back.plusSeconds(300))));
  }

  @Test
  void aCronScheduleFiresAtTheTimesItNamesInUtc() {
    DueSchedules due = new DueSchedules();
    List<DueSchedules.Spec> daily = List.of(spec("s-wf-2", "cron(30 9 * * ? *)"));
    assertEquals(List.of(), names(due.due(daily, Instant.parse("2026-12-04T09:29:59Z"))));
    assertEquals(List.of("s-wf-2"), names(due.due(daily, Instant.parse("2026-12-04T09:30:00Z"))));
    assertEquals(List.of(), names(due.due(daily, Instant.parse("2026-12-05T09:29:00Z"))));
    assertEquals(List.of("s-wf-2"), names(due.due(daily, Instant.parse("2026-12-05T09:30:00Z"))));
  }

  @Test
  void aDisabledScheduleKeepsItsTimesButDoesNotFire() {
    DueSchedules due = new DueSchedules();
    DueSchedules.Spec disabled = new DueSchedules.Spec("off", "rate(1 minute)", CREATED, false);
    assertEquals(List.of(), names(due.due(List.of(disabled), CREATED.plusSeconds(60))));
    assertEquals(List.of("off"), names(due.due(List.of(spec("off", "rate(1 minute)")), CREATED.plusSeconds(120))));
  }

  @Test
  void aScheduleDeletedAndMadeAgainStartsAfresh() {
    DueSchedules due = new DueSchedules();
    List<DueSchedules.Spec> timer = List.of(spec("t-1", "at(2026-12-03T21:05:00)"));
    assertEquals(List.of("t-1"), names(due.due(timer, Instant.parse("2026-12-03T21:05:00Z"))));
    assertEquals(List.of(), names(due.due(List.of(), Instant.parse("2026-12-03T21:06:00Z"))));
    List<DueSchedules.Spec> again = List.of(spec("t-1", "at(2026-12-03T21:07:00)"));
    assertEquals(List.of("t-1"), names(due.due(again, Instant.parse("2026-12-03T21:07:00Z"))));
  }

  @Test
  void readsAtExpressionsToTheSecondInUtcAndRefusesOthers() {
    assertEquals(Instant.parse("2026-12-03T21:05:07Z"), DueSchedules.at("at(2026-12-03T21:05:07)"));
    assertThrows(IllegalArgumentException.class, () -> DueSchedules.at("at(2026-12-03 21:05)"));
    assertThrows(IllegalArgumentException.class, () -> DueSchedules.at("at(2026-13-03T21:05:07)"));
  }
}

package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry policy of task writes: how often, what is retried, and what a run that never wins ends with. */
class RetryPolicyTest {

  private static final class Lost extends RuntimeException {}

  private static final class GaveUp extends RuntimeException {}

  @Test
  void aFirstAttemptThatWinsRunsOnceAndRecoversNothing() {
    List<RuntimeException> recovered = new ArrayList<>();
    assertEquals("won", RetryPolicy.run(Lost.class, () -> "won", recovered::add, lost -> new GaveUp()));
    assertEquals(List.of(), recovered);
  }

  @Test
  void aLostAttemptIsRecoveredAndTriedAgainUntilOneWins() {
    AtomicInteger attempts = new AtomicInteger();
    List<RuntimeException> recovered = new ArrayList<>();
    String result = RetryPolicy.run(Lost.class, () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new Lost();
      }
      return "third";
    }, recovered::add, lost -> new GaveUp());
    assertEquals("third", result);
    assertEquals(3, attempts.get());
    assertEquals(2, recovered.size(), "each lost attempt but the last is recovered before the next");
  }

  @Test
  void losingEveryAttemptStopsAfterTheLimitWithTheErrorGiveUpMakes() {
    AtomicInteger attempts = new AtomicInteger();
    List<RuntimeException> recovered = new ArrayList<>();
    assertThrows(GaveUp.class, () -> RetryPolicy.run(Lost.class, () -> {
      attempts.incrementAndGet();
      throw new Lost();
    }, recovered::add, lost -> new GaveUp()));
    assertEquals(RetryPolicy.MAX_ATTEMPTS, attempts.get());
    assertEquals(5, RetryPolicy.MAX_ATTEMPTS, "the limit every task write has had");
    assertEquals(RetryPolicy.MAX_ATTEMPTS - 1, recovered.size(), "the last failure is given up, not recovered");
  }

  @Test
  void aFailureOfAnotherKindEndsTheRunAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    IllegalStateException other = new IllegalStateException("not a lost race");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> RetryPolicy.run(Lost.class, () -> {
      attempts.incrementAndGet();
      throw other;
    }, lost -> { }, lost -> new GaveUp()));
    assertSame(other, thrown);
    assertEquals(1, attempts.get());
  }

  @Test
  void aRecoveryThatThrowsStopsTheRunWithItsError() {
    AtomicInteger attempts = new AtomicInteger();
    assertThrows(GaveUp.class, () -> RetryPolicy.run(Lost.class, () -> {
      attempts.incrementAndGet();
      throw new Lost();
    }, lost -> {
      throw new GaveUp();
    }, lost -> new IllegalStateException("not reached")));
    assertEquals(1, attempts.get());
  }
}

package com.coditect.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real UTC time moved by an offset tests set, so an entry can be written as if long ago (its
 * retention already over) through the real ingest, while everything else keeps the real time.
 */
final class TestClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** From now on the clock reads {@code ago} before the real time. */
  void setBack(Duration ago) {
    offset = ago.negated();
  }

  /** Back to the real time. */
  void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC");
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}

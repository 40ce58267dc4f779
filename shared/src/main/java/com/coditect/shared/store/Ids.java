package com.coditect.shared.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.security.SecureRandom;

/** New ids: UUIDv7, time-ordered, so sort keys built from them sort by creation time. */
public final class Ids {

  /**
   * Keeps the last timestamp and random bits, to stay monotonic within a millisecond. That state
   * must not be shared by execution environments restored from one SnapStart snapshot, so a
   * restore replaces the generator ({@link #reseed}).
   */
  private static volatile TimeBasedEpochGenerator generator = newGenerator();

  private Ids() {}

  public static String newId() {
    return generator.generate().toString();
  }

  /**
   * A new generator with its own {@link SecureRandom}: what an environment restored from a
   * snapshot runs first (SnapStartPriming.afterRestore), so no two environments continue one
   * sequence of random bits.
   */
  public static void reseed() {
    generator = newGenerator();
  }

  private static TimeBasedEpochGenerator newGenerator() {
    return Generators.timeBasedEpochGenerator(new SecureRandom());
  }
}

package com.coditect.shared.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** New ids: UUIDv7, time-ordered, so sort keys built from them sort by creation time. */
public final class Ids {

  private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

  private Ids() {}

  public static String newId() {
    return GENERATOR.generate().toString();
  }
}

package com.coditect.shared.di;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

  @Test
  void registersOutsideSnapStartAndRunsNothingUntilTheHook() {
    List<String> ran = new ArrayList<>();
    SnapStartPriming priming = SnapStartPriming.register(List.of(() -> ran.add("a"), () -> ran.add("b")));
    assertEquals(List.of(), ran, "registering builds nothing");

    priming.beforeCheckpoint(null);
    assertEquals(List.of("a", "b"), ran);

    priming.afterRestore(null);
    assertEquals(List.of("a", "b"), ran, "a restore builds nothing again");
  }

  @Test
  void aRestoreRunsItsRenewalAndPrimesNothing() {
    List<String> ran = new ArrayList<>();
    SnapStartPriming priming = SnapStartPriming.register(List.of(() -> ran.add("primed")), () -> ran.add("renewed"));

    priming.afterRestore(null);
    assertEquals(List.of("renewed"), ran);
  }
}

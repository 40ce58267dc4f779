package com.coditect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTest {

  @Test
  void readsTheMarkerLinesOfAFreshJvm() {
    Sample sample = Sample.parse(512.5, "BENCH-FIRST-RESPONSE init_us=402300 request_us=150250",
        "BENCH-JVM boot_ms=11 classes=4321");

    assertEquals(512.5, sample.wall());
    assertEquals(11, sample.boot());
    assertEquals(402.3, sample.init(), 1e-9);
    assertEquals(150.25, sample.request(), 1e-9);
    assertEquals(4321, sample.classes());
    assertEquals(563.55, sample.inJvm(), 1e-9);
  }

  @Test
  void rejectsALineWithoutTheMarkerOrAField() {
    assertThrows(IllegalArgumentException.class, () -> Sample.parse(1, "init_us=1 request_us=2",
        "BENCH-JVM boot_ms=1 classes=1"));
    assertThrows(IllegalArgumentException.class, () -> Sample.parse(1, "BENCH-FIRST-RESPONSE init_us=1",
        "BENCH-JVM boot_ms=1 classes=1"));
    assertThrows(IllegalArgumentException.class, () -> Sample.parse(1,
        "BENCH-FIRST-RESPONSE init_us=1 request_us=2", null));
  }

  @Test
  void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
    assertEquals(3.0, Sample.median(List.of(9.0, 1.0, 3.0)));
    assertEquals(2.5, Sample.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertThrows(IllegalArgumentException.class, () -> Sample.median(List.of()));
  }
}

package com.coditect.workflows.domain;

/** Durations as people read them on a diagram: 850 ms, 4.2 s, 12 min, 3.5 h, 2.1 d. */
final class Durations {

  private Durations() {}

  static String compact(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    double seconds = millis / 1000.0;
    if (seconds < 60) {
      return one(seconds) + " s";
    }
    double minutes = seconds / 60;
    if (minutes < 60) {
      return one(minutes) + " min";
    }
    double hours = minutes / 60;
    return hours < 48 ? one(hours) + " h" : one(hours / 24) + " d";
  }

  private static String one(double value) {
    return value >= 10 ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}

package com.coditect.pm.domain;

/**
 * Board order as fractional-index strings over the digits {@code 0-9a-z}: strings compare as
 * numbers in [0, 1), so there is always a string between two others, and placing a task between
 * two neighbours rewrites only that task.
 */
public final class Ranks {

  static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int BASE = DIGITS.length();
  /** Longest rank accepted or produced; far beyond what repeated moves between the same two reach. */
  public static final int MAX_LENGTH = 64;

  private Ranks() {}

  /**
   * A rank for a new task that sorts after every earlier one without reading them: the creation
   * time in base 36 behind {@code u}, which leaves room below for tasks placed at the top.
   */
  public static String forNewTask(long epochMillis) {
    StringBuilder digits = new StringBuilder();
    long value = epochMillis;
    do {
      digits.append(DIGITS.charAt((int) (value % BASE)));
      value /= BASE;
    } while (value > 0);
    while (digits.length() < 9) {
      digits.append('0');
    }
    return "u" + digits.reverse();
  }

  /**
   * A rank strictly between {@code after} and {@code before} (null: no neighbour on that side).
   *
   * @throws IllegalArgumentException if {@code after} is not below {@code before}
   */
  public static String between(String after, String before) {
    String low = after == null ? "" : after;
    if (before != null && low.compareTo(before) >= 0) {
      throw new IllegalArgumentException("after must sort before before");
    }
    StringBuilder result = new StringBuilder();
    int i = 0;
    while (true) {
      int lowDigit = i < low.length() ? DIGITS.indexOf(low.charAt(i)) : 0;
      // Once the result is above the prefix `before` shares with it, the upper bound is open.
      int highDigit = before != null && result.toString().equals(before.substring(0, Math.min(i, before.length())))
          && i < before.length() ? DIGITS.indexOf(before.charAt(i)) : BASE;
      if (highDigit - lowDigit > 1) {
        result.append(DIGITS.charAt((lowDigit + highDigit) / 2));
        return result.toString();
      }
      result.append(DIGITS.charAt(lowDigit));
      i++;
      if (i > MAX_LENGTH) {
        throw new IllegalStateException("no rank fits between these neighbours");
      }
    }
  }
}

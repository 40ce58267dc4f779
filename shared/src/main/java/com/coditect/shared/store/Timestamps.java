package com.coditect.shared.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UTC ISO-8601 timestamps with milliseconds, the one format stored and returned. */
public final class Timestamps {

  private static final Pattern RFC_3339 = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)([Zz]|[+-]\\d{2}:\\d{2})$");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String now(Clock clock) {
    return format(clock.instant());
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Reads an RFC 3339 date-time ({@code 2026-12-01T17:00:00+02:00}) or a plain date (its start in
   * UTC). RFC 3339 allows offsets up to ±23:59 and a lower-case {@code t} or {@code z}; Java's
   * parsers stop at ±18:00, hence this reader.
   *
   * @throws DateTimeParseException if the text is neither
   */
  public static Instant parse(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    Matcher parts = RFC_3339.matcher(text);
    if (!parts.matches()) {
      throw new DateTimeParseException("not an RFC 3339 date-time", text, 0);
    }
    Instant local = LocalDateTime.parse(parts.group(1) + "T" + parts.group(2)).toInstant(ZoneOffset.UTC);
    String offset = parts.group(3);
    if (offset.equalsIgnoreCase("Z")) {
      return local;
    }
    int minutes = Integer.parseInt(offset.substring(1, 3)) * 60 + Integer.parseInt(offset.substring(4, 6));
    if (minutes >= 24 * 60 || Integer.parseInt(offset.substring(4, 6)) > 59) {
      throw new DateTimeParseException("offset out of range", text, 0);
    }
    return local.minusSeconds((offset.charAt(0) == '-' ? -60L : 60L) * minutes);
  }
}

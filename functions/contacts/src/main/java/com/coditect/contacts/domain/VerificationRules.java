package com.coditect.contacts.domain;

import com.coditect.contacts.data.VerificationItem;
import com.coditect.shared.digest.Sha256;
import com.coditect.shared.store.Timestamps;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The rules of verification codes, as pure functions of the stored code and the time, so that each
 * can be tested alone: six random digits, only their hash stored, valid 24 hours and once, the
 * newest only (a new code replaces the stored one), five wrong answers lock confirming for 15
 * minutes and void the code, and a contact gets at most one code a minute and five an hour.
 */
public final class VerificationRules {

  public static final Duration LIFETIME = Duration.ofHours(24);
  public static final int MAX_FAILED_ATTEMPTS = 5;
  public static final Duration LOCK = Duration.ofMinutes(15);
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(60);
  public static final int MAX_SENDS_PER_HOUR = 5;
  /** A tenant's codes per clock hour, whatever the contact: bounds what one tenant can make us send. */
  public static final int TENANT_MAX_SENDS_PER_HOUR = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** What checking a code found. */
  public enum Outcome { CONFIRMED, WRONG, NONE, LOCKED }

  private VerificationRules() {}

  /** Six digits, leading zeros kept. */
  public static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /** The stored form: bound to the contact, so a hash copied to another contact proves nothing. */
  public static String hash(String contactId, String code) {
    return Sha256.hex(contactId + ":" + code);
  }

  /** Seconds to wait before another code may be sent to this contact, if any. */
  public static Optional<Integer> sendWait(Optional<VerificationItem> stored, Instant now) {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    VerificationItem code = stored.get();
    Instant nextAllowed = Timestamps.parse(code.lastSentAt()).plus(MIN_INTERVAL);
    Instant windowStart = Timestamps.parse(code.windowStartedAt());
    if (now.isBefore(windowStart.plus(Duration.ofHours(1))) && code.sendsInWindow() >= MAX_SENDS_PER_HOUR) {
      nextAllowed = later(nextAllowed, windowStart.plus(Duration.ofHours(1)));
    }
    return now.isBefore(nextAllowed) ? Optional.of(secondsUntil(now, nextAllowed)) : Optional.empty();
  }

  /**
   * A new code stored for {@code sentTo}, replacing {@code stored}: the send counted in the current
   * hour's window (a new window when the last began an hour or more ago), the failures forgotten.
   */
  public static VerificationItem newCode(VerificationItem.Builder base, Optional<VerificationItem> stored, String contactId,
      String sentTo, String code, Instant now) {
    boolean sameWindow = stored.isPresent()
        && now.isBefore(Timestamps.parse(stored.get().windowStartedAt()).plus(Duration.ofHours(1)));
    return base
        .sentTo(sentTo)
        .codeHash(hash(contactId, code))
        .expiresAt(Timestamps.format(now.plus(LIFETIME)))
        .failedAttempts(0)
        .lockedUntil(null)
        .lastSentAt(Timestamps.format(now))
        .windowStartedAt(sameWindow ? stored.get().windowStartedAt() : Timestamps.format(now))
        .sendsInWindow(sameWindow ? stored.get().sendsInWindow() + 1 : 1)
        .build();
  }

  /** Checks {@code code} against the stored one for a contact now at {@code destination}. */
  public static Outcome check(Optional<VerificationItem> stored, String contactId, String destination, String code,
      Instant now) {
    if (stored.isEmpty()) {
      return Outcome.NONE;
    }
    VerificationItem item = stored.get();
    if (item.lockedUntil() != null && now.isBefore(Timestamps.parse(item.lockedUntil()))) {
      return Outcome.LOCKED;
    }
    if (item.codeHash() == null || !item.sentTo().equals(destination) || item.failedAttempts() >= MAX_FAILED_ATTEMPTS
        || !now.isBefore(Timestamps.parse(item.expiresAt()))) {
      return Outcome.NONE;
    }
    return item.codeHash().equals(hash(contactId, code)) ? Outcome.CONFIRMED : Outcome.WRONG;
  }

  /** The stored code after one more wrong answer: at the limit it is void and confirming locked. */
  public static VerificationItem failed(VerificationItem item, Instant now) {
    int failures = item.failedAttempts() + 1;
    return failures >= MAX_FAILED_ATTEMPTS
        ? item.withFailedAttempts(failures).withCodeHash(null).withLockedUntil(Timestamps.format(now.plus(LOCK)))
        : item.withFailedAttempts(failures);
  }

  /** Seconds until the lock ends (at least one). */
  public static int lockWait(VerificationItem item, Instant now) {
    return secondsUntil(now, Timestamps.parse(item.lockedUntil()));
  }

  /** The tenant's counting hour, {@code yyyy-MM-ddTHH}, and seconds until the next one. */
  public static String hour(Instant now) {
    return Timestamps.format(now.truncatedTo(ChronoUnit.HOURS)).substring(0, 13);
  }

  public static int secondsToNextHour(Instant now) {
    return secondsUntil(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static int secondsUntil(Instant now, Instant then) {
    return (int) Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
  }
}

package com.coditect.dms.domain;

import com.coditect.shared.store.Timestamps;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a share link stands at a moment, from its stored fields alone: usable, gone for good
 * (revoked, expired, used up: 410) or locked for a while after wrong passwords (429). A gone state
 * wins over a lock: waiting would not help. The public routes decide with this before counting,
 * and the counting update re-checks the same conditions atomically (ShareRepository).
 */
public enum ShareLinkState {
  ACTIVE,
  REVOKED,
  EXPIRED,
  EXHAUSTED,
  LOCKED;

  /** Wrong passwords in a row that lock a link. */
  public static final int MAX_FAILED_PASSWORDS = 5;
  /** How long a lock lasts. */
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  public static ShareLinkState of(boolean active, @Nullable String expiresAt, long accessCount,
      @Nullable Long maxAccessCount, @Nullable String lockedUntil, Instant now) {
    if (!active) {
      return REVOKED;
    }
    if (expiresAt != null && !Timestamps.parse(expiresAt).isAfter(now)) {
      return EXPIRED;
    }
    if (maxAccessCount != null && accessCount >= maxAccessCount) {
      return EXHAUSTED;
    }
    if (lockedUntil != null && Timestamps.parse(lockedUntil).isAfter(now)) {
      return LOCKED;
    }
    return ACTIVE;
  }

  /** True for the states no later request can change: the link is gone (410). */
  public boolean isGone() {
    return this == REVOKED || this == EXPIRED || this == EXHAUSTED;
  }

  /** Whole seconds until {@code lockedUntil}, at least one (as Retry-After says it). */
  public static int retryAfterSeconds(String lockedUntil, Instant now) {
    long millis = Duration.between(now, Timestamps.parse(lockedUntil)).toMillis();
    return (int) Math.max(1, (millis + 999) / 1000);
  }

  /** When a lock that starts at {@code now} ends. */
  public static Instant lockedUntil(Instant now) {
    return now.plus(LOCK_DURATION);
  }
}

package com.coditect.dms.domain;

import static com.coditect.dms.domain.ShareLinkState.ACTIVE;
import static com.coditect.dms.domain.ShareLinkState.EXHAUSTED;
import static com.coditect.dms.domain.ShareLinkState.EXPIRED;
import static com.coditect.dms.domain.ShareLinkState.LOCKED;
import static com.coditect.dms.domain.ShareLinkState.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a share link stands, from its fields alone. */
class ShareLinkStateTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00.000Z");
  private static final String BEFORE = "2026-12-03T11:59:59.999Z";
  private static final String AT = "2026-12-03T12:00:00.000Z";
  private static final String AFTER = "2026-12-03T12:00:00.001Z";

  @Test
  void anActiveLinkWithinItsLimitsIsUsable() {
    assertEquals(ACTIVE, ShareLinkState.of(true, null, 0, null, null, NOW));
    assertEquals(ACTIVE, ShareLinkState.of(true, AFTER, 9, 10L, BEFORE, NOW));
    assertEquals(ACTIVE, ShareLinkState.of(true, AFTER, 0, 1L, AT, NOW), "a lock ends at its time");
  }

  @Test
  void revokedExpiredAndUsedUpLinksAreGoneForGood() {
    assertEquals(REVOKED, ShareLinkState.of(false, null, 0, null, null, NOW));
    assertEquals(EXPIRED, ShareLinkState.of(true, AT, 0, null, null, NOW), "expiry is exclusive: at it, gone");
    assertEquals(EXPIRED, ShareLinkState.of(true, BEFORE, 0, null, null, NOW));
    assertEquals(EXHAUSTED, ShareLinkState.of(true, null, 10, 10L, null, NOW));
    assertEquals(EXHAUSTED, ShareLinkState.of(true, null, 11, 10L, null, NOW));
    for (ShareLinkState gone : new ShareLinkState[] {REVOKED, EXPIRED, EXHAUSTED}) {
      assertTrue(gone.isGone(), gone.name());
    }
    assertFalse(ACTIVE.isGone());
    assertFalse(LOCKED.isGone());
  }

  @Test
  void aLockCountsOnlyWhileItLastsAndGoneWinsOverIt() {
    assertEquals(LOCKED, ShareLinkState.of(true, null, 0, null, AFTER, NOW));
    assertEquals(REVOKED, ShareLinkState.of(false, null, 0, null, AFTER, NOW), "waiting would not help a revoked link");
    assertEquals(EXHAUSTED, ShareLinkState.of(true, null, 1, 1L, AFTER, NOW));
  }

  @Test
  void locksLastFifteenMinutesAfterFiveWrongPasswordsAndSayHowLongToWait() {
    assertEquals(5, ShareLinkState.MAX_FAILED_PASSWORDS);
    assertEquals(Duration.ofMinutes(15), ShareLinkState.LOCK_DURATION);
    assertEquals(NOW.plusSeconds(900), ShareLinkState.lockedUntil(NOW));
    assertEquals(900, ShareLinkState.retryAfterSeconds("2026-12-03T12:15:00.000Z", NOW));
    assertEquals(1, ShareLinkState.retryAfterSeconds(AFTER, NOW), "a part of a second rounds up");
    assertEquals(1, ShareLinkState.retryAfterSeconds(BEFORE, NOW), "never less than one second");
  }
}

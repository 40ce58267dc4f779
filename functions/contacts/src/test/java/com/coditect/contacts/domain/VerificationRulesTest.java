package com.coditect.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.contacts.data.VerificationItem;
import com.coditect.contacts.domain.VerificationRules.Outcome;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The code rules, one at a time: lifetime, single use, newest only, attempts, send limits. */
class VerificationRulesTest {

  private static final String CONTACT = "01a24000-0000-7000-8000-000000000001";
  private static final String TO = "+442079460000";
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void aCodeIsSixDigitsAndOnlyItsHashIsStored() {
    String code = VerificationRules.newCode();
    assertTrue(code.matches("[0-9]{6}"), code);
    VerificationItem stored = sent(Optional.empty(), code, T0);
    assertNotEquals(code, stored.codeHash());
    assertEquals(64, stored.codeHash().length());
    assertEquals(VerificationRules.hash(CONTACT, code), stored.codeHash());
    assertNotEquals(VerificationRules.hash("another-contact", code), stored.codeHash(), "a hash is bound to its contact");
  }

  @Test
  void theRightCodeConfirmsUntilItExpires() {
    VerificationItem stored = sent(Optional.empty(), "123456", T0);
    assertEquals(Outcome.CONFIRMED, check(stored, "123456", T0.plus(Duration.ofHours(23))));
    assertEquals(Outcome.NONE, check(stored, "123456", T0.plus(Duration.ofHours(24))));
    assertEquals(Outcome.WRONG, check(stored, "654321", T0.plusSeconds(5)));
    assertEquals(Outcome.NONE, VerificationRules.check(Optional.empty(), CONTACT, TO, "123456", T0));
  }

  @Test
  void onlyTheNewestCodeIsValid() {
    VerificationItem first = sent(Optional.empty(), "111111", T0);
    VerificationItem second = sent(Optional.of(first), "222222", T0.plusSeconds(61));
    assertEquals(Outcome.WRONG, check(second, "111111", T0.plusSeconds(62)));
    assertEquals(Outcome.CONFIRMED, check(second, "222222", T0.plusSeconds(62)));
  }

  @Test
  void aCodeSentToAnotherNumberProvesNothing() {
    VerificationItem stored = sent(Optional.empty(), "123456", T0);
    assertEquals(Outcome.NONE, VerificationRules.check(Optional.of(stored), CONTACT, "+14155552671", "123456", T0));
  }

  @Test
  void fiveWrongCodesVoidTheCodeAndLockConfirming() {
    VerificationItem stored = sent(Optional.empty(), "123456", T0);
    for (int i = 1; i < VerificationRules.MAX_FAILED_ATTEMPTS; i++) {
      stored = VerificationRules.failed(stored, T0);
      assertNull(stored.lockedUntil());
      assertEquals(i, stored.failedAttempts());
    }
    stored = VerificationRules.failed(stored, T0);
    assertNull(stored.codeHash(), "the fifth failure voids the code");
    assertEquals(Outcome.LOCKED, check(stored, "123456", T0.plus(Duration.ofMinutes(14))));
    assertEquals(900, VerificationRules.lockWait(stored, T0));
    assertEquals(Outcome.NONE, check(stored, "123456", T0.plus(Duration.ofMinutes(15))), "still void after the lock");
  }

  @Test
  void sendsAreLimitedToOneAMinuteAndFiveAnHour() {
    assertEquals(Optional.empty(), VerificationRules.sendWait(Optional.empty(), T0));
    VerificationItem stored = sent(Optional.empty(), "000001", T0);
    assertEquals(Optional.of(60), VerificationRules.sendWait(Optional.of(stored), T0));
    assertEquals(Optional.of(1), VerificationRules.sendWait(Optional.of(stored), T0.plusSeconds(59)));
    assertEquals(Optional.empty(), VerificationRules.sendWait(Optional.of(stored), T0.plusSeconds(60)));
    Instant at = T0;
    for (int i = 2; i <= VerificationRules.MAX_SENDS_PER_HOUR; i++) {
      at = at.plusSeconds(60);
      stored = sent(Optional.of(stored), "00000" + i, at);
    }
    assertEquals(5, stored.sendsInWindow());
    assertEquals(Optional.of(3600 - 4 * 60), VerificationRules.sendWait(Optional.of(stored), at),
        "the sixth waits for the hour that began with the first");
    VerificationItem nextHour = sent(Optional.of(stored), "999999", T0.plus(Duration.ofHours(1)));
    assertEquals(1, nextHour.sendsInWindow());
  }

  @Test
  void theTenantsHourIsTheClockHour() {
    assertEquals("2026-12-04T10", VerificationRules.hour(T0.plusSeconds(3599)));
    assertEquals(1, VerificationRules.secondsToNextHour(T0.plusSeconds(3599)));
  }

  private static Outcome check(VerificationItem stored, String code, Instant now) {
    return VerificationRules.check(Optional.of(stored), CONTACT, TO, code, now);
  }

  private static VerificationItem sent(Optional<VerificationItem> before, String code, Instant now) {
    ItemMeta meta = ItemMeta.created(Key.builder().partitionValue("T#t#PHONE_NUMBER#" + CONTACT).sortValue("VERIFICATION")
        .build(), VerificationItem.ENTITY, Timestamps.format(now));
    return VerificationRules.newCode(VerificationItem.builder().meta(meta), before, CONTACT, TO, code, now);
  }
}

package com.coditect.dms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Share tokens: 256 random bits in base64url, keyed by their SHA-256. */
class ShareTokensTest {

  @Test
  void tokensCarry256BitsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = ShareTokens.newToken();
      assertEquals(43, token.length());
      assertEquals(32, Base64.getUrlDecoder().decode(token).length);
      assertTrue(ShareTokens.hasTokenShape(token), token);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void onlyTheTokenShapeIsLookedUp() {
    assertFalse(ShareTokens.hasTokenShape(null));
    assertFalse(ShareTokens.hasTokenShape(""));
    assertFalse(ShareTokens.hasTokenShape("a".repeat(42)));
    assertFalse(ShareTokens.hasTokenShape("a".repeat(44)));
    assertFalse(ShareTokens.hasTokenShape("a".repeat(42) + "="));
    assertFalse(ShareTokens.hasTokenShape("a".repeat(42) + "/"));
  }

  @Test
  void theStoredKeyIsTheSha256() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ShareTokens.sha256Hex("abc"));
  }
}

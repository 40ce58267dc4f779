package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTokensTest {

  private final DevTokens tokens = new DevTokens();

  @Test
  void verifiedClaimsAreStringsAsApiGatewayPassesThem() {
    Map<String, String> claims = tokens.verify("Bearer " + tokens.issue("u1", "t1", "member", false)).orElseThrow();
    assertEquals("u1", claims.get("sub"));
    assertEquals("u1", claims.get("custom:user_id"));
    assertEquals("t1", claims.get("custom:tenant_id"));
    assertEquals("member", claims.get("custom:role"));
    assertEquals("false", claims.get("custom:platform_admin"));
    assertEquals(DevTokens.AUDIENCE, claims.get("aud"));
    assertTrue(claims.get("exp").matches("\\d+"));
  }

  @Test
  void platformAdminTokensCarryNoTenant() {
    Map<String, String> claims = tokens.verify("Bearer " + tokens.issue("root", null, null, true)).orElseThrow();
    assertEquals("true", claims.get("custom:platform_admin"));
    assertTrue(!claims.containsKey("custom:tenant_id"));
  }

  @Test
  void refusesMissingMalformedAndForeignTokens() {
    assertTrue(tokens.verify(null).isEmpty());
    assertTrue(tokens.verify("Basic abc").isEmpty());
    assertTrue(tokens.verify("Bearer not-a-jwt").isEmpty());
    String foreign = new DevTokens().issue("u1", "t1", "owner", false);
    assertTrue(tokens.verify("Bearer " + foreign).isEmpty(), "another run's key must not verify");
    String mine = tokens.issue("u1", "t1", "member", false);
    String[] parts = mine.split("\\.");
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    assertTrue(tokens.verify("Bearer " + tampered).isEmpty());
  }
}

package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "whsec_current";
  private static final String OLD = "whsec_previous";
  private static final Instant NOW = Instant.parse("2026-12-03T21:00:00Z");
  private static final long TS = NOW.getEpochSecond();
  private static final byte[] BODY = "{\"order\":42}".getBytes(StandardCharsets.UTF_8);

  private static Optional<WebhookSignature.Verified> verify(String timestamp, String signature, List<String> secrets) {
    return WebhookSignature.verify(timestamp, signature, BODY, secrets, NOW);
  }

  @Test
  void acceptsTheHmacOfTimestampDotBodyAsAKnownSenderComputesIt() {
    // Computed independently: printf '1796331600.{"order":42}' | openssl dgst -sha256 -hmac whsec_current
    assertEquals(1796331600L, TS);
    assertEquals("v1=c61d450bd219be37ed167253c880b6b1959fe7ce1309cc470f300baff33102e6",
        WebhookSignature.sign(SECRET, TS, BODY));
    assertTrue(verify(Long.toString(TS), WebhookSignature.sign(SECRET, TS, BODY), List.of(SECRET)).isPresent());
  }

  @Test
  void refusesAnotherSecretAnotherBodyOrAnotherTimestamp() {
    String signature = WebhookSignature.sign(SECRET, TS, BODY);
    assertFalse(verify(Long.toString(TS), signature, List.of("whsec_other")).isPresent());
    assertFalse(WebhookSignature.verify(Long.toString(TS), signature, "{\"order\":43}".getBytes(StandardCharsets.UTF_8),
        List.of(SECRET), NOW).isPresent());
    assertFalse(verify(Long.toString(TS + 1), signature, List.of(SECRET)).isPresent());
  }

  @Test
  void acceptsTimestampsUpToFiveMinutesOffEitherWayAndNoMore() {
    for (long offset : new long[] {-300, 300}) {
      String signature = WebhookSignature.sign(SECRET, TS + offset, BODY);
      assertTrue(verify(Long.toString(TS + offset), signature, List.of(SECRET)).isPresent(), "offset " + offset);
    }
    for (long offset : new long[] {-301, 301}) {
      String signature = WebhookSignature.sign(SECRET, TS + offset, BODY);
      assertFalse(verify(Long.toString(TS + offset), signature, List.of(SECRET)).isPresent(), "offset " + offset);
    }
  }

  @Test
  void anyOfSeveralSignaturesMayMatchAnyAcceptedSecret() {
    String current = WebhookSignature.sign(SECRET, TS, BODY);
    String previous = WebhookSignature.sign(OLD, TS, BODY);
    assertTrue(verify(Long.toString(TS), previous + ", " + current, List.of(SECRET)).isPresent());
    assertTrue(verify(Long.toString(TS), previous, List.of(SECRET, OLD)).isPresent());
    assertFalse(verify(Long.toString(TS), previous, List.of(SECRET)).isPresent());
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    String signature = WebhookSignature.sign(SECRET, TS, BODY);
    assertFalse(verify(null, signature, List.of(SECRET)).isPresent());
    assertFalse(verify(Long.toString(TS), null, List.of(SECRET)).isPresent());
    assertFalse(verify("soon", signature, List.of(SECRET)).isPresent());
    assertFalse(verify("-" + TS, signature, List.of(SECRET)).isPresent());
    assertFalse(verify(Long.toString(TS), signature.substring(3), List.of(SECRET)).isPresent(), "no v1= scheme");
    assertFalse(verify(Long.toString(TS), "v0=" + signature.substring(3), List.of(SECRET)).isPresent());
    assertFalse(verify(Long.toString(TS), signature.substring(0, 40), List.of(SECRET)).isPresent(), "truncated");
    assertFalse(verify(Long.toString(TS), signature.replace('a', 'z'), List.of(SECRET)).isPresent(), "not hex");
    assertFalse(verify(Long.toString(TS), signature, List.of()).isPresent(), "no secret");
    String many = String.join(",", List.of(signature, signature, signature, signature, signature, signature));
    assertFalse(verify(Long.toString(TS), many, List.of(SECRET)).isPresent(), "more values than a rotation needs");
  }

  @Test
  void theDigestNamesWhatWasSignedSoAReplayInAnyFormIsRecognised() {
    String current = WebhookSignature.sign(SECRET, TS, BODY);
    String previous = WebhookSignature.sign(OLD, TS, BODY);
    String once = verify(Long.toString(TS), current, List.of(SECRET, OLD)).orElseThrow().digest();
    String reordered = verify(Long.toString(TS), previous + "," + current, List.of(SECRET, OLD)).orElseThrow().digest();
    assertEquals(once, reordered);
    assertEquals(64, once.length());
    String later = verify(Long.toString(TS + 1), WebhookSignature.sign(SECRET, TS + 1, BODY), List.of(SECRET))
        .orElseThrow().digest();
    assertNotEquals(once, later);
  }
}

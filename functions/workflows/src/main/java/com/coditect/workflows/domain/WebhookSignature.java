package com.coditect.workflows.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rule of a signed webhook call. The sender sends {@code X-Coditect-Timestamp} (unix seconds)
 * and {@code X-Coditect-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">}, the key
 * being the secret's UTF-8 bytes. Several {@code v1=} values may be sent, comma-separated (a sender
 * in the middle of a rotation signs with both secrets); one matching any accepted secret is enough.
 * Signatures are compared in constant time; a timestamp more than {@link #TOLERANCE} away from now,
 * either way, is refused, so a captured call cannot be replayed later (and within the tolerance the
 * caller refuses a second use of the same signed content: {@link Verified#digest}).
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Coditect-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Coditect-Signature";
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String SCHEME = "v1=";
  private static final int SHA256_HEX_LENGTH = 64;
  /** More values than a rotation needs is no honest sender: bounds the HMACs one call may cost. */
  private static final int MAX_SIGNATURES = 5;

  /** A call that checked out: {@code digest} (SHA-256 hex of what was signed) names it for replay refusal. */
  public record Verified(String digest) {}

  private WebhookSignature() {}

  /**
   * Whether the call is signed with one of {@code secrets} and timely at {@code now}; empty when
   * any header is missing or malformed, the timestamp is out of tolerance or no signature matches.
   * The caller answers all of these alike, so a prober learns nothing about which.
   */
  public static Optional<Verified> verify(String timestampHeader, String signatureHeader, byte[] body,
      List<String> secrets, Instant now) {
    if (timestampHeader == null || signatureHeader == null || secrets.isEmpty()) {
      return Optional.empty();
    }
    String timestamp = timestampHeader.strip();
    if (!timestamp.matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(timestamp);
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return Optional.empty();
    }
    List<byte[]> offered = offered(signatureHeader);
    if (offered.isEmpty()) {
      return Optional.empty();
    }
    byte[] signed = signedContent(timestamp, body);
    boolean matched = false;
    for (String secret : secrets) {
      byte[] expected = hmac(secret, signed);
      for (byte[] candidate : offered) {
        // No early exit: the time taken does not tell which value or secret matched.
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched ? Optional.of(new Verified(sha256Hex(signed))) : Optional.empty();
  }

  /** The header value a sender sends for {@code body} at {@code timestamp} (unix seconds) with {@code secret}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(hmac(secret, signedContent(Long.toString(timestamp), body)));
  }

  private static List<byte[]> offered(String header) {
    List<String> values = List.of(header.split(","));
    if (values.size() > MAX_SIGNATURES) {
      return List.of();
    }
    return values.stream()
        .map(String::strip)
        .filter(value -> value.startsWith(SCHEME))
        .map(value -> value.substring(SCHEME.length()))
        .filter(hex -> hex.length() == SHA256_HEX_LENGTH && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0))
        .map(hex -> HexFormat.of().parseHex(hex))
        .toList();
  }

  private static byte[] signedContent(String timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static byte[] hmac(String secret, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(content);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package com.coditect.dms.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Share-link tokens: 256 random bits from {@link SecureRandom}, written base64url without padding
 * (43 characters). Only a token's SHA-256 is ever stored; the token itself is shown once.
 */
public final class ShareTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private ShareTokens() {}

  public static String newToken() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** False for anything no token of ours can be: such a link is unknown without a read. */
  public static boolean hasTokenShape(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** The token's SHA-256, lower-case hex: what keys its item. */
  public static String sha256Hex(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package com.coditect.workflows.domain;

import java.security.SecureRandom;
import java.util.Base64;
import javax.inject.Inject;
import javax.inject.Singleton;

/** New webhook secrets: 32 bytes from the platform's strong random source, base64url without padding. */
@Singleton
public final class HookSecrets {

  static final int BYTES = 32;
  private final SecureRandom random = new SecureRandom();

  @Inject
  HookSecrets() {}

  public String next() {
    byte[] secret = new byte[BYTES];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}

package com.coditect.shared.config;

import java.util.Map;

/**
 * Settings of the audit function beyond {@link AppConfig}.
 *
 * @param pseudonymKey the secret of the keyed hashes that stand in for a person's ip address and
 *     user agent in the audit chain ({@code AUDIT_PSEUDONYM_KEY}), so that erasing the raw values
 *     keeps the chain verifiable while the pseudonyms cannot be reversed by trying every address
 */
public record AuditConfig(String pseudonymKey) {

  public static AuditConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static AuditConfig fromMap(Map<String, String> env) {
    String key = env.get("AUDIT_PSEUDONYM_KEY");
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("environment variable AUDIT_PSEUDONYM_KEY is required");
    }
    return new AuditConfig(key);
  }
}

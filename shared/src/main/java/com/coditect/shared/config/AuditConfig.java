package com.coditect.shared.config;

import java.util.Map;

/**
 * Settings of the audit function beyond {@link AppConfig}.
 *
 * @param pseudonymKeySecret the ARN (or name) of the Secrets Manager secret holding the key of the
 *     keyed hashes that stand in for a person's ip address and user agent in the audit chain
 *     ({@code AUDIT_PSEUDONYM_SECRET_ARN}), so that erasing the raw values keeps the chain
 *     verifiable while the pseudonyms cannot be reversed by trying every address. The key itself is
 *     read with {@link Secrets}, never from the environment.
 */
public record AuditConfig(String pseudonymKeySecret) {

  public static AuditConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static AuditConfig fromMap(Map<String, String> env) {
    String secret = env.get("AUDIT_PSEUDONYM_SECRET_ARN");
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("environment variable AUDIT_PSEUDONYM_SECRET_ARN is required");
    }
    return new AuditConfig(secret);
  }
}

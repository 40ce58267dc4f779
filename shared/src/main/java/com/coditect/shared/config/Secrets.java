package com.coditect.shared.config;

import dagger.Lazy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Keys kept in Secrets Manager (the cursor key, the audit pseudonym key), never in a
 * function's environment, where anyone who may read the function's configuration would see them.
 * Each is read with one {@code GetSecretValue} on first use in an execution environment and kept
 * for its life: never at init, so under SnapStart no key is in the snapshot and a restored
 * environment reads the current one (after a rotation too).
 */
@Singleton
public final class Secrets {

  private final Lazy<SecretsManagerClient> secretsManager;
  private final Map<String, String> values = new ConcurrentHashMap<>();

  @Inject
  public Secrets(Lazy<SecretsManagerClient> secretsManager) {
    this.secretsManager = secretsManager;
  }

  /** The secret string of {@code secretId} (its ARN or name). */
  public String value(String secretId) {
    return values.computeIfAbsent(secretId,
        id -> secretsManager.get().getSecretValue(r -> r.secretId(id)).secretString());
  }
}

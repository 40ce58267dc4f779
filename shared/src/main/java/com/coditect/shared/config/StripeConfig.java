package com.coditect.shared.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the functions that talk to Stripe (billing, commerce). The keys themselves are in
 * Secrets Manager, read with {@link Secrets} on first use, never from the environment or the
 * template.
 *
 * @param apiKeySecret the secret holding the Stripe secret key ({@code STRIPE_SECRET_ARN})
 * @param webhookSecret the secret holding the webhook signing secrets, one per line or separated by
 *     commas ({@code STRIPE_WEBHOOK_SECRET_ARN}): while a rotated endpoint secret is rolled out both
 *     the old and the new are listed, and a delivery signed with either is accepted
 * @param apiBase where Stripe's API is ({@code STRIPE_API_BASE}); unset on AWS (Stripe's own),
 *     stripe-mock locally and in tests
 */
public record StripeConfig(String apiKeySecret, String webhookSecret, Optional<URI> apiBase) {

  public static StripeConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  public static StripeConfig fromMap(Map<String, String> env) {
    String base = env.get("STRIPE_API_BASE");
    return new StripeConfig(required(env, "STRIPE_SECRET_ARN"), required(env, "STRIPE_WEBHOOK_SECRET_ARN"),
        base == null || base.isBlank() ? Optional.empty() : Optional.of(URI.create(base.trim())));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is required");
    }
    return value.trim();
  }
}

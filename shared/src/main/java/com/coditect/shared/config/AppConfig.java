package com.coditect.shared.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a function reads from its environment, read in one place ({@link #fromEnvironment}).
 * No other class calls {@code System.getenv}.
 *
 * @param awsEndpoint endpoint override for every AWS client; set only for moto (local and tests)
 */
public record AppConfig(
    String region,
    String tableName,
    String bucketName,
    String eventBusName,
    String cursorSigningKey,
    Optional<URI> awsEndpoint) {

  public static AppConfig fromEnvironment() {
    return fromMap(System.getenv());
  }

  /** Builds the config from an environment map; missing required values fail fast at init. */
  public static AppConfig fromMap(Map<String, String> env) {
    String endpoint = env.get("AWS_ENDPOINT_URL");
    return new AppConfig(
        env.getOrDefault("AWS_REGION", "us-east-1"),
        required(env, "TABLE_NAME"),
        env.getOrDefault("BUCKET_NAME", ""),
        env.getOrDefault("EVENT_BUS_NAME", "coditect"),
        required(env, "CURSOR_SIGNING_KEY"),
        endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint)));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }
}

package com.coditect.shared.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a function reads from its environment, read in one place ({@link #fromEnvironment}).
 * No other class calls {@code System.getenv}.
 *
 * @param cursorKeySecret the ARN (or name) of the Secrets Manager secret whose value signs list
 *     cursors ({@code CURSOR_KEY_SECRET_ARN}); the key itself never sits in the environment
 * @param awsEndpoint endpoint override for every AWS client; set only for moto (local and tests)
 */
public record AppConfig(
    String region,
    String tableName,
    String bucketName,
    String eventBusName,
    String cursorKeySecret,
    Optional<URI> awsEndpoint) {

  /** Prefix of system properties that override environment variables (see {@link #fromEnvironment}). */
  public static final String OVERRIDE_PREFIX = "coditect.env.";

  /**
   * The environment, where a system property {@code coditect.env.NAME} overrides {@code NAME}:
   * Lambda sets only the environment; the local runtime and its tests host every function in one
   * JVM, whose environment cannot change, and configure them with these properties.
   */
  public static AppConfig fromEnvironment() {
    return fromMap(environment());
  }

  /** The environment with {@code coditect.env.*} system properties applied over it. */
  public static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(OVERRIDE_PREFIX))
        .forEach(name -> env.put(name.substring(OVERRIDE_PREFIX.length()), System.getProperty(name)));
    return env;
  }

  /** Builds the config from an environment map; missing required values fail fast at init. */
  public static AppConfig fromMap(Map<String, String> env) {
    String endpoint = env.get("AWS_ENDPOINT_URL");
    return new AppConfig(
        env.getOrDefault("AWS_REGION", "us-east-1"),
        required(env, "TABLE_NAME"),
        env.getOrDefault("BUCKET_NAME", ""),
        env.getOrDefault("EVENT_BUS_NAME", "coditect"),
        required(env, "CURSOR_KEY_SECRET_ARN"),
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

package com.coditect.shared.config;

import java.util.Map;

/**
 * Settings of the document-management function beyond {@link AppConfig}.
 *
 * @param multipartThresholdBytes files larger than this go up as a multipart upload with presigned
 *     part URLs ({@code DMS_MULTIPART_THRESHOLD_BYTES}, default 100 MiB)
 */
public record DmsConfig(long multipartThresholdBytes) {

  public static final long DEFAULT_MULTIPART_THRESHOLD_BYTES = 104_857_600L;

  public static DmsConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  /** A value that is not a positive whole number fails at init rather than at the first upload. */
  public static DmsConfig fromMap(Map<String, String> env) {
    return new DmsConfig(positiveBytes(env, "DMS_MULTIPART_THRESHOLD_BYTES", DEFAULT_MULTIPART_THRESHOLD_BYTES));
  }

  private static long positiveBytes(Map<String, String> env, String name, long fallback) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException("environment variable " + name + " must be a positive number of bytes");
  }
}

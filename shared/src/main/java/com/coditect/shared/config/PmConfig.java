package com.coditect.shared.config;

import java.util.Map;

/**
 * Settings of the project-management function beyond {@link AppConfig}.
 *
 * @param maxAttachmentBytes the largest task attachment a client may announce
 *     ({@code PM_MAX_ATTACHMENT_BYTES}, default 100 MiB)
 */
public record PmConfig(long maxAttachmentBytes) {

  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 104_857_600L;

  public static PmConfig fromEnvironment() {
    return fromMap(AppConfig.environment());
  }

  /** A value that is not a positive whole number fails at init rather than at the first upload. */
  public static PmConfig fromMap(Map<String, String> env) {
    String raw = env.get("PM_MAX_ATTACHMENT_BYTES");
    if (raw == null || raw.isBlank()) {
      return new PmConfig(DEFAULT_MAX_ATTACHMENT_BYTES);
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0) {
        return new PmConfig(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException("environment variable PM_MAX_ATTACHMENT_BYTES must be a positive number of bytes");
  }
}

package com.coditect.shared.error;

import java.util.List;

/**
 * HTTP 429: the caller must wait before this request can succeed (e.g. the tenant's compliance
 * report is still being generated). The response carries {@code Retry-After} with
 * {@link #retryAfterSeconds()}.
 */
public final class TooManyRequestsException extends ApiException {

  private final int retryAfterSeconds;

  public TooManyRequestsException(String detail, int retryAfterSeconds) {
    super(detail, List.of());
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("Retry-After is at least one second");
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** How long to wait before trying again, as {@code Retry-After} says it (delay-seconds). */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public int status() {
    return 429;
  }

  @Override
  public String title() {
    return "Too many requests";
  }
}

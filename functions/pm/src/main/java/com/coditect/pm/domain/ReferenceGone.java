package com.coditect.pm.domain;

import com.coditect.shared.error.UnprocessableException;
import java.util.function.Supplier;

/**
 * A task write's reference found missing, or not fitting, by its transaction: a 422 naming the
 * field, unless the write lets the reference go (a restore, a change by the platform) and retries.
 */
final class ReferenceGone extends RuntimeException {

  final String field;

  ReferenceGone(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** The failure a transaction part raises for {@code field}. */
  static Supplier<ReferenceGone> of(String field, String message) {
    return () -> new ReferenceGone(field, message);
  }

  UnprocessableException asError() {
    return UnprocessableException.forField(field, getMessage());
  }
}

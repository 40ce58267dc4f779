package com.coditect.shared.store;

import com.coditect.shared.error.ApiException;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.PreconditionFailedException;
import java.util.Optional;
import java.util.function.Supplier;

/** Optimistic-locking rules shared by every update. */
public final class Preconditions {

  private Preconditions() {}

  /** A sent {@code If-Match} must name the version just read. */
  public static void checkIfMatch(Optional<Long> ifMatch, long currentVersion) {
    if (ifMatch.isPresent() && ifMatch.get() != currentVersion) {
      throw stale(true).get();
    }
  }

  /**
   * What a lost race means: someone wrote between our read and our conditional write. With
   * {@code If-Match} the client asked for exactly that version (412); without it, a retry is safe (409).
   */
  public static Supplier<ApiException> stale(boolean ifMatchSent) {
    if (ifMatchSent) {
      return () -> new PreconditionFailedException(
          "The resource has changed since the version in If-Match; fetch it again and retry.");
    }
    return () -> new ConflictException("The resource was changed concurrently; fetch it again and retry.");
  }
}

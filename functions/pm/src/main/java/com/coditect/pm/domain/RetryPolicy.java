package com.coditect.pm.domain;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a task write that lost a race is tried again, the one policy for every such write: a create
 * whose number another create took, a restore whose reference went away meanwhile, a change by the
 * platform that met a concurrent writer. Each reads again and writes again, at most
 * {@link #MAX_ATTEMPTS} times in all; no pause, since each attempt reads what the winner wrote.
 */
final class RetryPolicy {

  /** Attempts in all, the first included. */
  static final int MAX_ATTEMPTS = 5;

  private RetryPolicy() {}

  /**
   * Runs {@code attempt} until it returns. A failure of type {@code retryOn} is handed to
   * {@code recover}, which prepares the next attempt (or throws, to stop), and the attempt runs again;
   * on the last attempt the failure becomes the error {@code giveUp} makes of it. Any other failure
   * ends the run at once.
   */
  static <T, F extends RuntimeException> T run(Class<F> retryOn, Supplier<T> attempt, Consumer<F> recover,
      Function<F, ? extends RuntimeException> giveUp) {
    for (int made = 1; ; made++) {
      try {
        return attempt.get();
      } catch (RuntimeException failure) {
        if (!retryOn.isInstance(failure)) {
          throw failure;
        }
        F retryable = retryOn.cast(failure);
        if (made == MAX_ATTEMPTS) {
          throw giveUp.apply(retryable);
        }
        recover.accept(retryable);
      }
    }
  }
}

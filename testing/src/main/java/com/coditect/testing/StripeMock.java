package com.coditect.testing;

import java.net.URI;

/**
 * The stripe-mock the tests talk to instead of Stripe: the one {@code make test} started
 * (scripts/stripe-mock.sh, passed in as {@code -Dstripe.endpoint} or {@code STRIPE_MOCK_ENDPOINT}),
 * with {@code -strict-version-check}. A missing one fails the test: skipping would hide that nothing
 * was tested.
 */
public final class StripeMock {

  private StripeMock() {}

  /** The endpoint a Stripe client of a test uses as its API base. */
  public static URI endpoint() {
    String configured = System.getProperty("stripe.endpoint");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("STRIPE_MOCK_ENDPOINT");
    }
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException("No stripe-mock: run `make test`, which starts one, or start "
          + "scripts/stripe-mock.sh and pass its endpoint as -Dstripe.endpoint or STRIPE_MOCK_ENDPOINT.");
    }
    return URI.create(configured.trim());
  }
}

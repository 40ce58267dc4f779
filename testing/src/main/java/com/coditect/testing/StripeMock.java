package com.coditect.testing;

import com.coditect.shared.config.StripeConfig;
import java.net.URI;
import java.util.Optional;

/**
 * The stripe-mock the tests talk to instead of Stripe: the one {@code make test} started
 * (scripts/stripe-mock.sh, passed in as {@code -Dstripe.endpoint} or {@code STRIPE_MOCK_ENDPOINT}),
 * with {@code -strict-version-check}. A missing one fails the test: skipping would hide that nothing
 * was tested.
 */
public final class StripeMock {

  /** The secret key the tests' functions use (stripe-mock takes sk_test_ followed by letters and digits). */
  public static final String API_KEY = "sk_test_coditect";
  /** The webhook signing secret the tests sign their events with (stripe-mock sends no webhooks). */
  public static final String WEBHOOK_SECRET = "whsec_test_coditect";
  /** A second signing secret, as while an endpoint's secret is rotated. */
  public static final String ROTATED_WEBHOOK_SECRET = "whsec_test_coditect_rotated";

  private StripeMock() {}

  /**
   * The Stripe settings of a function under test: its keys in secrets on moto, as deployed, and
   * this stripe-mock as the API. Without a configured stripe-mock the API base is an address that
   * refuses connections, so a test that reaches Stripe fails instead of calling the real one.
   */
  public static StripeConfig config() {
    return new StripeConfig(AwsTestEnvironment.secret(API_KEY),
        AwsTestEnvironment.secret(WEBHOOK_SECRET + "\n" + ROTATED_WEBHOOK_SECRET), Optional.of(apiBase()));
  }

  /** This stripe-mock's endpoint, or an address that refuses connections when none is configured. */
  public static URI apiBase() {
    String configured = System.getProperty("stripe.endpoint");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("STRIPE_MOCK_ENDPOINT");
    }
    return configured == null || configured.isBlank() ? URI.create("http://127.0.0.1:9") : URI.create(configured.trim());
  }

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

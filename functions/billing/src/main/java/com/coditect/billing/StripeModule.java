package com.coditect.billing;

import com.coditect.shared.config.Secrets;
import com.coditect.shared.config.StripeConfig;
import com.stripe.StripeClient;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** The Stripe client of the functions that call Stripe (billing, commerce), built from their {@link StripeConfig}. */
@Module
public final class StripeModule {

  /** Stripe's own retries resend the same idempotency key, so a retried call still happens once. */
  static final int STRIPE_NETWORK_RETRIES = 2;

  private StripeModule() {}

  /**
   * Built on first use (users hold it as {@code Lazy}): the secret key is read then, never at init,
   * so no key is in a SnapStart snapshot.
   */
  @Provides
  @Singleton
  static StripeClient stripe(StripeConfig config, Secrets secrets) {
    StripeClient.StripeClientBuilder builder = StripeClient.builder()
        .setApiKey(secrets.value(config.apiKeySecret()))
        .setMaxNetworkRetries(STRIPE_NETWORK_RETRIES);
    config.apiBase().ifPresent(base -> builder.setApiBase(base.toString()));
    return builder.build();
  }
}

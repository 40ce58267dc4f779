package com.coditect.billing;

import com.coditect.billing.domain.StripeEventSync;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** Wiring of the billing function, built once per Lambda instance. */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, BillingModule.class})
public interface BillingComponent {

  BillingAddressRoutes billingAddressRoutes();

  TaxRateRoutes taxRateRoutes();

  PaymentRoutes paymentRoutes();

  StripeWebhookRoutes stripeWebhookRoutes();

  SubscriptionRoutes subscriptionRoutes();

  StripeEventSync stripeEventSync();

  /** Builds the component from the function's config. */
  @Component.Factory
  interface Factory {
    BillingComponent create(@BindsInstance AppConfig config, @BindsInstance StripeConfig stripe);
  }
}

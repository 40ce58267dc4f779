package com.coditect.billing;

import com.coditect.billing.data.TaxRateRepository;
import com.coditect.billing.domain.InvoiceService;
import com.coditect.billing.domain.PaymentService;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.di.DynamoDbModule;
import com.coditect.shared.di.PlatformModule;
import com.coditect.shared.di.SecretsModule;
import com.coditect.shared.store.Transactions;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.TestInterceptorsModule;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/**
 * The billing function's production modules plus the test's interceptors: the wiring is the point
 * of these tests. Public, in this module's test-jar, for the bench's calls per route.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PlatformModule.class, SecretsModule.class, BillingModule.class,
    TestInterceptorsModule.class})
public interface TestBillingComponent extends BillingComponent {

  /** The tax rates' reads, for the lookups no route makes alone (a checkout's applicable rates). */
  TaxRateRepository taxRates();

  /** Payments as checkout records them, for tests that need one before checkout exists. */
  PaymentService paymentService();

  /** Invoices as Stripe's events make them, for tests that need one without a webhook. */
  InvoiceService invoiceService();

  /** The unit of work, for writing a seeded payment as checkout will (in its own transaction). */
  Transactions transactions();

  /** The events handler over this wiring (its component constructor is package-private). */
  default BillingEventsHandler eventsHandler() {
    return new BillingEventsHandler(this);
  }

  /** The billing API handler over this wiring (the handler's component constructor is package-private). */
  default BillingHandler handler() {
    return new BillingHandler(this);
  }

  /** Builds the component against a test environment's config, Stripe settings and interceptors. */
  @Component.Factory
  interface Factory {
    TestBillingComponent create(@BindsInstance AppConfig config, @BindsInstance StripeConfig stripe,
        @BindsInstance TestInterceptors interceptors);
  }
}

package com.coditect.billing.data;

import com.coditect.shared.digest.Sha256;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.TaxRate;
import com.stripe.net.RequestOptions;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.TaxRateUpdateParams;
import com.stripe.param.common.EmptyParam;
import dagger.Lazy;
import java.math.BigDecimal;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The tax rates' twins in Stripe, which invoices and subscriptions apply. Every call carries the
 * idempotency key it is given, so a retried request changes Stripe once.
 */
@Singleton
public final class StripeTaxRates {

  private final Lazy<StripeClient> stripe;

  @Inject
  StripeTaxRates(Lazy<StripeClient> stripe) {
    this.stripe = stripe;
  }

  /** Creates the Stripe tax rate of {@code rate} (its own id and Stripe id not yet set) and returns its id. */
  public String create(TaxRateItem rate, String idempotencyKey) {
    TaxRateCreateParams params = TaxRateCreateParams.builder()
        .setDisplayName(rate.displayName())
        .setPercentage(new BigDecimal(rate.percentage()))
        .setInclusive(rate.inclusive())
        .setActive(rate.active())
        .setCountry(rate.countryCode())
        .setState(rate.stateCode())
        .setJurisdiction(rate.jurisdiction())
        .setTaxType(TaxRateCreateParams.TaxType.valueOf(rate.taxType().name()))
        .putMetadata("coditect_tax_rate_id", rate.id())
        .build();
    try {
      TaxRate created = stripe.get().v1().taxRates().create(params, options(idempotencyKey));
      return created.getId();
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "tax rate");
    }
  }

  /**
   * Sends the fields Stripe lets change (not the percentage, not inclusive) as {@code rate} now has
   * them. The idempotency key is the rate, its version and those values: a retry of the same change
   * is one change in Stripe, and a different change is never mistaken for it.
   */
  public void update(TaxRateItem rate) {
    String idempotencyKey = "tax-rate-update:" + rate.id() + ":" + rate.version() + ":" + Sha256.hex(String.join("\n",
        rate.displayName(), String.valueOf(rate.active()), rate.countryCode(), String.valueOf(rate.stateCode()),
        rate.jurisdiction(), rate.taxType().apiName()));
    TaxRateUpdateParams.Builder params = TaxRateUpdateParams.builder()
        .setDisplayName(rate.displayName())
        .setActive(rate.active())
        .setCountry(rate.countryCode())
        .setJurisdiction(rate.jurisdiction())
        .setTaxType(TaxRateUpdateParams.TaxType.valueOf(rate.taxType().name()));
    if (rate.stateCode() != null) {
      params.setState(rate.stateCode());
    } else {
      params.setState(com.stripe.param.common.EmptyParam.EMPTY);
    }
    try {
      stripe.get().v1().taxRates().update(rate.stripeTaxRateId(), params.build(), options(idempotencyKey));
    } catch (StripeException e) {
      throw StripeFailures.failed(e, "tax rate");
    }
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

}

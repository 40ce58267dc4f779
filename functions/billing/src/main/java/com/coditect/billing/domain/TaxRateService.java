package com.coditect.billing.domain;

import com.coditect.billing.api.CreateTaxRateRequest;
import com.coditect.billing.api.TaxRateFilters;
import com.coditect.billing.api.TaxRateResponse;
import com.coditect.billing.api.UpdateTaxRateRequest;
import com.coditect.billing.data.StripeTaxRates;
import com.coditect.billing.data.TaxRateItem;
import com.coditect.billing.data.TaxRateRepository;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The platform's tax rates, kept by platform administrators, each with its twin in Stripe (which
 * invoices and subscriptions apply). Stripe is written first, with an idempotency key, then the
 * table: a failed write leaves at most a Stripe rate nothing points at, which the retry (same key)
 * finds again instead of making another. Changes are recorded in the platform's own audit trail.
 */
@Singleton
public final class TaxRateService {

  static final String TYPE = "tax_rate";

  private final TaxRateRepository rates;
  private final StripeTaxRates stripe;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<TaxRateItem, TaxRateResponse> resource;

  @Inject
  TaxRateService(TaxRateRepository rates, StripeTaxRates stripe, Clock clock, VersionedWriter writer) {
    this.rates = rates;
    this.stripe = stripe;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(rates, TaxRateResponse::from, TaxRateItem::id, TYPE);
  }

  public ResultPage<TaxRateResponse> list(TaxRateFilters filters, PageRequest page) {
    return rates.list(filters.countryCode(), filters.stateCode(), filters.active(), page).map(TaxRateResponse::from);
  }

  public Versioned<TaxRateResponse> get(String taxRateId) {
    TaxRateItem rate = find(taxRateId);
    return new Versioned<>(TaxRateResponse.from(rate), rate.version());
  }

  public Created<TaxRateResponse> create(Caller caller, CreateTaxRateRequest request, IdempotencyClaim claim) {
    String id = Ids.newId();
    TaxRateItem draft = TaxRateItem.builder()
        .meta(TaxRateRepository.newMeta(id, Timestamps.now(clock)))
        .id(id)
        .stripeTaxRateId("pending")
        .displayName(request.displayName())
        .percentage(request.percentage())
        .jurisdiction(request.jurisdiction())
        .countryCode(request.countryCode())
        .stateCode(request.stateCode())
        .taxType(request.taxType())
        .inclusive(request.inclusive())
        .active(request.active())
        .build();
    String stripeId = stripe.create(draft, claim.derivedKey("tax-rate-create").orElse("tax-rate-create:" + id));
    TaxRateItem rate = TaxRateRepository.indexed(draft.withStripeTaxRateId(stripeId));
    return writer.create(TenantId.PLATFORM, caller.actor(), resource, rate, "/v1/tax-rates/" + id, claim,
        tx -> rates.claimStripeId(tx, stripeId, id));
  }

  /** Stripe first (the fields it lets change), then the table at the version read. */
  public Versioned<TaxRateResponse> update(Caller caller, String taxRateId, Optional<Long> ifMatch,
      UpdateTaxRateRequest request) {
    TaxRateItem rate = find(taxRateId);
    return writer.update(TenantId.PLATFORM, caller.actor(), resource, rate, ifMatch, TYPE + ".updated",
        r -> TaxRateRepository.indexed(r
            .withDisplayName(request.displayName().orElse(r.displayName()))
            .withJurisdiction(request.jurisdiction().orElse(r.jurisdiction()))
            .withCountryCode(request.countryCode().orElse(r.countryCode()))
            .withStateCode(request.stateCode().orElse(r.stateCode()))
            .withTaxType(request.taxType().orElse(r.taxType()))
            .withActive(request.active().orElse(r.active()))),
        (changed, tx) -> stripe.update(changed));
  }

  private TaxRateItem find(String taxRateId) {
    return rates.find(taxRateId).orElseThrow(() -> new NotFoundException("The tax rate was not found."));
  }
}

package com.coditect.billing;

import com.coditect.billing.api.CreateTaxRateRequest;
import com.coditect.billing.api.TaxRateFilters;
import com.coditect.billing.api.UpdateTaxRateRequest;
import com.coditect.billing.domain.TaxRateService;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The tax rate routes: public to read (rates are published law, and a guest's cart shows its
 * tax), written by platform administrators only.
 */
@Singleton
final class TaxRateRoutes implements RouteGroup {

  private static final String ID = "tax_rate_id";

  private final Lazy<TaxRateService> rates;
  private final Idempotency idempotency;

  @Inject
  TaxRateRoutes(Lazy<TaxRateService> rates, Idempotency idempotency) {
    this.rates = rates;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    rates.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute("GET /v1/tax-rates", this::list)
        .publicRoute("GET /v1/tax-rates/{tax_rate_id}", this::get)
        .route("POST /v1/tax-rates", Access.PLATFORM_ADMINS, this::create)
        .route("PATCH /v1/tax-rates/{tax_rate_id}", Access.PLATFORM_ADMINS, this::update);
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.ok(rates.get().list(TaxRateFilters.from(request), request.page()));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.versioned(rates.get().get(request.uuidPathParameter(ID)));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateTaxRateRequest body = CreateTaxRateRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> rates.get().create(caller, body, claim));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateTaxRateRequest body = UpdateTaxRateRequest.from(request.jsonBody());
    return ApiResponse.versioned(rates.get().update(caller, request.uuidPathParameter(ID), request.ifMatchVersion(), body));
  }
}

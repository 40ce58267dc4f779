package com.coditect.billing;

import com.coditect.billing.api.BillingAddressFilters;
import com.coditect.billing.api.CreateBillingAddressRequest;
import com.coditect.billing.api.UpdateBillingAddressRequest;
import com.coditect.billing.domain.BillingAddressService;
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

/** The billing address routes: owners, admins and the billing role read and change them. */
@Singleton
final class BillingAddressRoutes implements RouteGroup {

  private static final String ID = "address_id";

  private final Lazy<BillingAddressService> addresses;
  private final Idempotency idempotency;

  @Inject
  BillingAddressRoutes(Lazy<BillingAddressService> addresses, Idempotency idempotency) {
    this.addresses = addresses;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    addresses.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/billing-addresses", Access.BILLING, this::list)
        .route("POST /v1/billing-addresses", Access.BILLING, this::create)
        .route("GET /v1/billing-addresses/{address_id}", Access.BILLING, this::get)
        .route("PATCH /v1/billing-addresses/{address_id}", Access.BILLING, this::update)
        .route("DELETE /v1/billing-addresses/{address_id}", Access.BILLING, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(addresses.get().list(caller, BillingAddressFilters.from(request), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateBillingAddressRequest body = CreateBillingAddressRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> addresses.get().create(caller, body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(addresses.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateBillingAddressRequest body = UpdateBillingAddressRequest.from(request.jsonBody());
    return ApiResponse.versioned(addresses.get().update(caller, request.uuidPathParameter(ID),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    addresses.get().delete(caller, request.uuidPathParameter(ID), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

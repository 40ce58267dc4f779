package com.coditect.contacts;

import com.coditect.contacts.api.ContactFilters;
import com.coditect.contacts.api.CreateAddressRequest;
import com.coditect.contacts.api.UpdateAddressRequest;
import com.coditect.contacts.domain.AddressService;
import com.coditect.contacts.model.ContactAddressType;
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

/** The address routes: every user for their own addresses; owners and admins for everyone's (the service decides). */
@Singleton
final class AddressRoutes implements RouteGroup {

  private static final String ID = "address_id";

  private final Lazy<AddressService> addresses;
  private final Idempotency idempotency;

  @Inject
  AddressRoutes(Lazy<AddressService> addresses, Idempotency idempotency) {
    this.addresses = addresses;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    addresses.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/addresses", Access.ANY_ROLE, this::list)
        .route("POST /v1/addresses", Access.ANY_ROLE, this::create)
        .route("GET /v1/addresses/{address_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/addresses/{address_id}", Access.ANY_ROLE, this::update)
        .route("DELETE /v1/addresses/{address_id}", Access.ANY_ROLE, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(addresses.get().list(caller, ContactFilters.from(request, "address_type", ContactAddressType.class),
        request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateAddressRequest body = CreateAddressRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> addresses.get().create(caller, body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(addresses.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateAddressRequest body = UpdateAddressRequest.from(request.jsonBody());
    return ApiResponse.versioned(addresses.get().update(caller, request.uuidPathParameter(ID), request.ifMatchVersion(),
        body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    addresses.get().delete(caller, request.uuidPathParameter(ID), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

package com.coditect.contacts;

import com.coditect.contacts.api.ConfirmVerificationRequest;
import com.coditect.contacts.api.ContactFilters;
import com.coditect.contacts.api.CreatePhoneNumberRequest;
import com.coditect.contacts.api.UpdatePhoneNumberRequest;
import com.coditect.contacts.domain.PhoneNumberService;
import com.coditect.contacts.model.PhoneType;
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

/** The phone number routes, with the SMS code flow ({@code verify}, {@code confirm}). */
@Singleton
final class PhoneNumberRoutes implements RouteGroup {

  private static final String ID = "phone_id";

  private final Lazy<PhoneNumberService> phones;
  private final Idempotency idempotency;

  @Inject
  PhoneNumberRoutes(Lazy<PhoneNumberService> phones, Idempotency idempotency) {
    this.phones = phones;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    phones.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/phone-numbers", Access.ANY_ROLE, this::list)
        .route("POST /v1/phone-numbers", Access.ANY_ROLE, this::create)
        .route("GET /v1/phone-numbers/{phone_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/phone-numbers/{phone_id}", Access.ANY_ROLE, this::update)
        .route("DELETE /v1/phone-numbers/{phone_id}", Access.ANY_ROLE, this::delete)
        .route("POST /v1/phone-numbers/{phone_id}/verify", Access.ANY_ROLE, this::verify)
        .route("POST /v1/phone-numbers/{phone_id}/confirm", Access.ANY_ROLE, this::confirm);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(phones.get().list(caller, ContactFilters.from(request, "phone_type", PhoneType.class),
        request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreatePhoneNumberRequest body = CreatePhoneNumberRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> phones.get().create(caller, body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(phones.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdatePhoneNumberRequest body = UpdatePhoneNumberRequest.from(request.jsonBody());
    return ApiResponse.versioned(phones.get().update(caller, request.uuidPathParameter(ID), request.ifMatchVersion(),
        body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    phones.get().delete(caller, request.uuidPathParameter(ID), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse verify(ApiRequest request, Caller caller) {
    return ApiResponse.json(202, phones.get().sendCode(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse confirm(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    ConfirmVerificationRequest body = ConfirmVerificationRequest.from(request.jsonBody());
    return ApiResponse.versioned(phones.get().confirm(caller, id, body.code()));
  }
}

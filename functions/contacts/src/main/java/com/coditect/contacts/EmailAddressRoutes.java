package com.coditect.contacts;

import com.coditect.contacts.api.ConfirmVerificationRequest;
import com.coditect.contacts.api.ContactFilters;
import com.coditect.contacts.api.CreateEmailAddressRequest;
import com.coditect.contacts.api.EmailAddressFilters;
import com.coditect.contacts.api.UpdateEmailAddressRequest;
import com.coditect.contacts.domain.EmailAddressService;
import com.coditect.contacts.model.EmailType;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The e-mail address routes, with the code flow ({@code verify}, {@code confirm}) and the look-up by address. */
@Singleton
final class EmailAddressRoutes implements RouteGroup {

  private static final String ID = "email_id";

  private final Lazy<EmailAddressService> emails;
  private final Idempotency idempotency;

  @Inject
  EmailAddressRoutes(Lazy<EmailAddressService> emails, Idempotency idempotency) {
    this.emails = emails;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    emails.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/email-addresses", Access.ANY_ROLE, this::list)
        .route("POST /v1/email-addresses", Access.ANY_ROLE, this::create)
        .route("GET /v1/email-addresses/{email_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/email-addresses/{email_id}", Access.ANY_ROLE, this::update)
        .route("DELETE /v1/email-addresses/{email_id}", Access.ANY_ROLE, this::delete)
        .route("POST /v1/email-addresses/{email_id}/verify", Access.ANY_ROLE, this::verify)
        .route("POST /v1/email-addresses/{email_id}/confirm", Access.ANY_ROLE, this::confirm);
  }

  /** {@code ?email=} looks the address up tenant-wide; otherwise one owner's addresses. */
  private ApiResponse list(ApiRequest request, Caller caller) {
    Optional<String> email = EmailAddressFilters.from(request).email();
    if (email.isPresent()) {
      return ApiResponse.ok(emails.get().listByEmail(caller, email.get(), request.page()));
    }
    return ApiResponse.ok(emails.get().list(caller, ContactFilters.from(request, "email_type", EmailType.class),
        request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateEmailAddressRequest body = CreateEmailAddressRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> emails.get().create(caller, body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(emails.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateEmailAddressRequest body = UpdateEmailAddressRequest.from(request.jsonBody());
    return ApiResponse.versioned(emails.get().update(caller, request.uuidPathParameter(ID), request.ifMatchVersion(),
        body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    emails.get().delete(caller, request.uuidPathParameter(ID), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse verify(ApiRequest request, Caller caller) {
    return ApiResponse.json(202, emails.get().sendCode(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse confirm(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    ConfirmVerificationRequest body = ConfirmVerificationRequest.from(request.jsonBody());
    return ApiResponse.versioned(emails.get().confirm(caller, id, body.code()));
  }
}

package com.coditect.billing;

import com.coditect.billing.api.CancelSubscriptionRequest;
import com.coditect.billing.api.CreateSubscriptionRequest;
import com.coditect.billing.api.InvoiceFilters;
import com.coditect.billing.api.SubscriptionFilters;
import com.coditect.billing.api.UpdateSubscriptionRequest;
import com.coditect.billing.domain.InvoiceService;
import com.coditect.billing.domain.SubscriptionService;
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
 * The tenant's subscriptions and the invoices Stripe makes for them: for those who may spend the
 * tenant's money (owner, admin, billing). Invoices are read-only here: Stripe's events write them.
 */
@Singleton
final class SubscriptionRoutes implements RouteGroup {

  private static final String ID = "subscription_id";

  private final Lazy<SubscriptionService> subscriptions;
  private final Lazy<InvoiceService> invoices;
  private final Idempotency idempotency;

  @Inject
  SubscriptionRoutes(Lazy<SubscriptionService> subscriptions, Lazy<InvoiceService> invoices, Idempotency idempotency) {
    this.subscriptions = subscriptions;
    this.invoices = invoices;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    subscriptions.get();
    invoices.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/subscriptions", Access.BILLING, this::list)
        .route("POST /v1/subscriptions", Access.BILLING, this::create)
        .route("GET /v1/subscriptions/{subscription_id}", Access.BILLING, this::get)
        .route("PATCH /v1/subscriptions/{subscription_id}", Access.BILLING, this::update)
        .route("POST /v1/subscriptions/{subscription_id}/cancel", Access.BILLING, this::cancel)
        .route("GET /v1/invoices", Access.BILLING, this::listInvoices)
        .route("GET /v1/invoices/{invoice_id}", Access.BILLING, this::getInvoice);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(subscriptions.get().list(caller, SubscriptionFilters.from(request), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateSubscriptionRequest body = CreateSubscriptionRequest.from(request.jsonBody());
    return idempotency.createReadingRecord(request, caller, lookup -> subscriptions.get().create(caller, body, lookup));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(subscriptions.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    UpdateSubscriptionRequest body = UpdateSubscriptionRequest.from(request.jsonBody());
    return ApiResponse.versioned(subscriptions.get().update(caller, id, request.ifMatchVersion(), body));
  }

  private ApiResponse cancel(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    CancelSubscriptionRequest body = CancelSubscriptionRequest.from(request.jsonBody());
    return ApiResponse.versioned(subscriptions.get().cancel(caller, id, body.atPeriodEnd()));
  }

  private ApiResponse listInvoices(ApiRequest request, Caller caller) {
    return ApiResponse.ok(invoices.get().list(caller, InvoiceFilters.from(request), request.page()));
  }

  private ApiResponse getInvoice(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(invoices.get().get(caller, request.uuidPathParameter("invoice_id")));
  }
}

package com.coditect.billing;

import com.coditect.billing.api.CreateRefundRequest;
import com.coditect.billing.api.PaymentFilters;
import com.coditect.billing.domain.PaymentService;
import com.coditect.billing.domain.RefundService;
import com.coditect.shared.error.BadRequestException;
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
 * The payment and refund routes: owners, admins and the billing role. A refund moves money, so it
 * needs an {@code Idempotency-Key}: a retried request refunds once.
 */
@Singleton
final class PaymentRoutes implements RouteGroup {

  private static final String ID = "payment_id";

  private final Lazy<PaymentService> payments;
  private final Lazy<RefundService> refunds;
  private final Idempotency idempotency;

  @Inject
  PaymentRoutes(Lazy<PaymentService> payments, Lazy<RefundService> refunds, Idempotency idempotency) {
    this.payments = payments;
    this.refunds = refunds;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    payments.get();
    refunds.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/payments", Access.BILLING, this::list)
        .route("GET /v1/payments/{payment_id}", Access.BILLING, this::get)
        .route("POST /v1/payments/{payment_id}/refunds", Access.BILLING, this::refund)
        .route("GET /v1/refunds", Access.BILLING, this::refunds);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(payments.get().list(caller, PaymentFilters.from(request), request.page()));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(payments.get().get(caller, request.uuidPathParameter(ID)));
  }

  private ApiResponse refund(ApiRequest request, Caller caller) {
    String paymentId = request.uuidPathParameter(ID);
    CreateRefundRequest body = CreateRefundRequest.from(request.jsonBody());
    if (request.header(Idempotency.HEADER).isEmpty()) {
      throw BadRequestException.forField(Idempotency.HEADER, "is required: a refund moves money, and a retry must not move it twice");
    }
    return idempotency.createReadingRecord(request, caller, lookup -> refunds.get().create(caller, paymentId, body,
        lookup));
  }

  private ApiResponse refunds(ApiRequest request, Caller caller) {
    return ApiResponse.ok(refunds.get().list(caller, request.uuidQueryParameter("payment_id"), request.page()));
  }
}

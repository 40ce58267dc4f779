package com.coditect.billing.api;

import com.coditect.billing.model.PaymentStatus;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The filter of {@code GET /v1/payments}: {@code ?status=}. */
public record PaymentFilters(Optional<PaymentStatus> status) {

  public static PaymentFilters from(ApiRequest request) {
    return new PaymentFilters(request.choiceQueryParameter("status", PaymentStatus.class));
  }
}

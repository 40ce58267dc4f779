package com.coditect.billing.api;

import com.coditect.billing.model.SubscriptionStatus;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The filter of {@code GET /v1/subscriptions}: {@code ?status=}. */
public record SubscriptionFilters(Optional<SubscriptionStatus> status) {

  public static SubscriptionFilters from(ApiRequest request) {
    return new SubscriptionFilters(request.choiceQueryParameter("status", SubscriptionStatus.class));
  }
}

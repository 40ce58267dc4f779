package com.coditect.billing.api;

import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The filter of {@code GET /v1/invoices}: {@code ?subscription_id=}. */
public record InvoiceFilters(Optional<String> subscriptionId) {

  public static InvoiceFilters from(ApiRequest request) {
    return new InvoiceFilters(request.uuidQueryParameter("subscription_id"));
  }
}

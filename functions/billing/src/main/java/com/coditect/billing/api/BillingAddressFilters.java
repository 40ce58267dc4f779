package com.coditect.billing.api;

import com.coditect.billing.model.AddressType;
import com.coditect.shared.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /v1/billing-addresses}: {@code ?address_type=}, {@code ?is_default=true|false}. */
public record BillingAddressFilters(Optional<AddressType> addressType, Optional<Boolean> isDefault) {

  public static BillingAddressFilters from(ApiRequest request) {
    return new BillingAddressFilters(request.choiceQueryParameter("address_type", AddressType.class),
        request.choiceQueryParameter("is_default", List.of("true", "false")).map(Boolean::valueOf));
  }
}

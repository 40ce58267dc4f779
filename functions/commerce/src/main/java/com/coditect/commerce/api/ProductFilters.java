package com.coditect.commerce.api;

import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /v1/products}: {@code ?active=true|false}, {@code ?interval=}. */
public record ProductFilters(Optional<Boolean> active, Optional<ProductInterval> interval) {

  public static ProductFilters from(ApiRequest request) {
    return new ProductFilters(request.choiceQueryParameter("active", List.of("true", "false")).map(Boolean::valueOf),
        request.choiceQueryParameter("interval", ProductInterval.class));
  }
}

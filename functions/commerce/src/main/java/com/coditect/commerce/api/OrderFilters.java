package com.coditect.commerce.api;

import com.coditect.commerce.model.OrderStatus;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** {@code GET /v1/orders?status=}. */
public record OrderFilters(Optional<OrderStatus> status) {

  public static OrderFilters from(ApiRequest request) {
    return new OrderFilters(request.choiceQueryParameter("status", OrderStatus.class));
  }
}

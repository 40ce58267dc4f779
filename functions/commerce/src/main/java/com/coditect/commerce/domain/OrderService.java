package com.coditect.commerce.domain;

import com.coditect.commerce.api.OrderFilters;
import com.coditect.commerce.api.OrderResponse;
import com.coditect.commerce.data.OrderItem;
import com.coditect.commerce.data.OrderRepository;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A tenant's orders, as checkout made them and their payments moved them. */
@Singleton
public final class OrderService {

  private final OrderRepository orders;

  @Inject
  OrderService(OrderRepository orders) {
    this.orders = orders;
  }

  public ResultPage<OrderResponse> list(Caller caller, OrderFilters filters, PageRequest page) {
    return orders.list(caller.tenantId(), filters.status(), page).map(OrderResponse::from);
  }

  public Versioned<OrderResponse> get(Caller caller, String orderId) {
    OrderItem order = orders.find(caller.tenantId(), orderId)
        .orElseThrow(() -> new NotFoundException("The order was not found."));
    return new Versioned<>(OrderResponse.from(order), order.version());
  }
}

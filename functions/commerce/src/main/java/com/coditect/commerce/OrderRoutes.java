package com.coditect.commerce;

import com.coditect.commerce.api.OrderFilters;
import com.coditect.commerce.domain.OrderService;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The tenant's orders: read by those who may spend its money (owner, admin, billing). */
@Singleton
final class OrderRoutes implements RouteGroup {

  private final Lazy<OrderService> orders;

  @Inject
  OrderRoutes(Lazy<OrderService> orders) {
    this.orders = orders;
  }

  @Override
  public void prime() {
    orders.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/orders", Access.BILLING, this::list)
        .route("GET /v1/orders/{order_id}", Access.BILLING, this::get);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(orders.get().list(caller, OrderFilters.from(request), request.page()));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(orders.get().get(caller, request.uuidPathParameter("order_id")));
  }
}

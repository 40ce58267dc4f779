package com.coditect.commerce;

import com.coditect.commerce.api.CreateProductRequest;
import com.coditect.commerce.api.ProductFilters;
import com.coditect.commerce.api.UpdateProductRequest;
import com.coditect.commerce.domain.ProductService;
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

/** The catalog routes: public to read (a guest browses before signing in), written by platform administrators. */
@Singleton
final class ProductRoutes implements RouteGroup {

  private static final String ID = "product_id";

  private final Lazy<ProductService> products;
  private final Idempotency idempotency;

  @Inject
  ProductRoutes(Lazy<ProductService> products, Idempotency idempotency) {
    this.products = products;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    products.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute("GET /v1/products", this::list)
        .publicRoute("GET /v1/products/{product_id}", this::get)
        .route("POST /v1/products", Access.PLATFORM_ADMINS, this::create)
        .route("PATCH /v1/products/{product_id}", Access.PLATFORM_ADMINS, this::update);
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.ok(products.get().list(ProductFilters.from(request), request.page()));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.versioned(products.get().get(request.uuidPathParameter(ID)));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateProductRequest body = CreateProductRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> products.get().create(caller, body, claim));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateProductRequest body = UpdateProductRequest.from(request.jsonBody());
    return ApiResponse.versioned(products.get().update(caller, request.uuidPathParameter(ID), request.ifMatchVersion(), body));
  }
}

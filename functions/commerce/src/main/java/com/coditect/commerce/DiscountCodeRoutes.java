package com.coditect.commerce;

import com.coditect.commerce.api.CartFields;
import com.coditect.commerce.api.CreateDiscountCodeRequest;
import com.coditect.commerce.api.UpdateDiscountCodeRequest;
import com.coditect.commerce.domain.DiscountCodeService;
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
 * The platform's discount codes, kept by platform administrators (API.md's cart routes apply them;
 * these routes, added beside them, are how codes come to exist). A code is addressed by itself.
 */
@Singleton
final class DiscountCodeRoutes implements RouteGroup {

  private final Lazy<DiscountCodeService> codes;
  private final Idempotency idempotency;

  @Inject
  DiscountCodeRoutes(Lazy<DiscountCodeService> codes, Idempotency idempotency) {
    this.codes = codes;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    codes.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/discount-codes", Access.PLATFORM_ADMINS, this::list)
        .route("POST /v1/discount-codes", Access.PLATFORM_ADMINS, this::create)
        .route("GET /v1/discount-codes/{code}", Access.PLATFORM_ADMINS, this::get)
        .route("PATCH /v1/discount-codes/{code}", Access.PLATFORM_ADMINS, this::update);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(codes.get().list(request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateDiscountCodeRequest body = CreateDiscountCodeRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> codes.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(codes.get().get(code(request)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String code = code(request);
    UpdateDiscountCodeRequest body = UpdateDiscountCodeRequest.from(request.jsonBody());
    return ApiResponse.versioned(codes.get().update(caller, code, request.ifMatchVersion(), body));
  }

  private static String code(ApiRequest request) {
    String code = request.pathParameter("code");
    if (!CartFields.CODE.matcher(code).matches()) {
      throw BadRequestException.forField("code", CartFields.CODE_MESSAGE);
    }
    return CartFields.normalCode(code);
  }
}

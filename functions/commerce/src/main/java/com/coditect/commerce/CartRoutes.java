package com.coditect.commerce;

import com.coditect.commerce.api.AddCartItemRequest;
import com.coditect.commerce.api.ApplyDiscountRequest;
import com.coditect.commerce.api.CheckoutRequest;
import com.coditect.commerce.api.CreateCartRequest;
import com.coditect.commerce.api.UpdateCartRequest;
import com.coditect.commerce.domain.CartAccess;
import com.coditect.commerce.domain.CartService;
import com.coditect.commerce.domain.CheckoutService;
import com.coditect.shared.auth.BearerTokens;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The cart routes. Most are public at the gateway, because a guest has no token: a guest sends the
 * cart's secret in {@code X-Cart-Secret}, a signed-in owner a bearer token, which {@link BearerTokens}
 * verifies here as the gateway's authorizer would. With the secret a call reaches only guest carts,
 * with a token only the caller's tenant's; with neither it reaches nothing (404, as for a wrong
 * secret, so a cart id alone tells nothing). Claiming needs both, and the gateway's authorizer; checkout, a token.
 * Owners are the roles that may spend the tenant's money: owner, admin, billing.
 */
@Singleton
final class CartRoutes implements RouteGroup {

  static final String SECRET_HEADER = "X-Cart-Secret";
  private static final String ID = "cart_id";
  private static final Access OWNERS = Access.BILLING;

  private final Lazy<CartService> carts;
  private final Lazy<CheckoutService> checkout;
  private final Lazy<BearerTokens> tokens;
  private final Idempotency idempotency;

  @Inject
  CartRoutes(Lazy<CartService> carts, Lazy<CheckoutService> checkout, Lazy<BearerTokens> tokens,
      Idempotency idempotency) {
    this.carts = carts;
    this.checkout = checkout;
    this.tokens = tokens;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    carts.get();
    checkout.get();
    tokens.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute("POST /v1/carts", this::create)
        .publicRoute("GET /v1/carts/{cart_id}", this::get)
        .publicRoute("PATCH /v1/carts/{cart_id}", this::update)
        .publicRoute("POST /v1/carts/{cart_id}/items", this::addItem)
        .publicRoute("DELETE /v1/carts/{cart_id}/items/{product_id}", this::removeItem)
        .publicRoute("POST /v1/carts/{cart_id}/discount", this::applyDiscount)
        .route("POST /v1/carts/{cart_id}/claim", OWNERS, this::claim)
        .route("POST /v1/carts/{cart_id}/checkout", OWNERS, this::checkout);
  }

  private ApiResponse create(ApiRequest request) {
    Optional<Caller> owner = owner(request);
    CreateCartRequest body = CreateCartRequest.from(request.jsonBody());
    return carts.get().create(owner, body).toResponse();
  }

  private ApiResponse get(ApiRequest request) {
    String id = request.uuidPathParameter(ID);
    return ApiResponse.versioned(carts.get().get(access(request), id));
  }

  private ApiResponse update(ApiRequest request) {
    String id = request.uuidPathParameter(ID);
    CartAccess access = access(request);
    UpdateCartRequest body = UpdateCartRequest.from(request.jsonBody());
    return ApiResponse.versioned(carts.get().update(access, id, request.ifMatchVersion(), body));
  }

  private ApiResponse addItem(ApiRequest request) {
    String id = request.uuidPathParameter(ID);
    CartAccess access = access(request);
    AddCartItemRequest body = AddCartItemRequest.from(request.jsonBody());
    return ApiResponse.versioned(carts.get().addItem(access, id, request.ifMatchVersion(), body));
  }

  private ApiResponse removeItem(ApiRequest request) {
    String id = request.uuidPathParameter(ID);
    String productId = request.uuidPathParameter("product_id");
    return ApiResponse.versioned(carts.get().removeItem(access(request), id, productId));
  }

  private ApiResponse applyDiscount(ApiRequest request) {
    String id = request.uuidPathParameter(ID);
    CartAccess access = access(request);
    ApplyDiscountRequest body = ApplyDiscountRequest.from(request.jsonBody());
    return ApiResponse.versioned(carts.get().applyDiscount(access, id, body.discountCode()));
  }

  private ApiResponse claim(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    String secret = request.header(SECRET_HEADER).orElseThrow(() -> new NotFoundException("The cart was not found."));
    return ApiResponse.versioned(carts.get().claim(caller, id, secret));
  }

  /** Checkout moves money: an Idempotency-Key is required, and its replay answers the same order and intent. */
  private ApiResponse checkout(ApiRequest request, Caller caller) {
    String id = request.uuidPathParameter(ID);
    if (request.header(Idempotency.HEADER).isEmpty()) {
      throw BadRequestException.forField(Idempotency.HEADER, "is required: a checkout charges, and a retry must not charge twice");
    }
    CheckoutRequest body = CheckoutRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> checkout.get().checkout(caller, id, body, claim));
  }

  /** The secret's guest if the secret is sent, else the token's owner, else nobody (404). */
  private CartAccess access(ApiRequest request) {
    Optional<String> secret = request.header(SECRET_HEADER);
    if (secret.isPresent()) {
      return CartAccess.guest(secret.get());
    }
    return owner(request).map(CartAccess::owner).orElseThrow(() -> new NotFoundException("The cart was not found."));
  }

  /** The signed-in caller, if a token is sent: it must verify (401) and be one of the owners' roles (403). */
  private Optional<Caller> owner(ApiRequest request) {
    Optional<Caller> caller = tokens.get().caller(request);
    caller.ifPresent(c -> OWNERS.check(c.principal()));
    return caller;
  }
}

package com.coditect.tenancy;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.tenancy.api.CreateUserRequest;
import com.coditect.tenancy.api.UpdateMeRequest;
import com.coditect.tenancy.api.UpdateUserRequest;
import com.coditect.tenancy.api.UserFilters;
import com.coditect.tenancy.domain.UserService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The user routes: everyone reads and edits their own profile ({@code /v1/me}); owners and admins
 * list, invite, read, change and delete the tenant's users. Who may touch an owner, and that
 * nobody changes their own role or status, are rules of the service.
 */
@Singleton
final class UserRoutes implements RouteGroup {

  private final Lazy<UserService> users;
  private final Idempotency idempotency;

  @Inject
  UserRoutes(Lazy<UserService> users, Idempotency idempotency) {
    this.users = users;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    users.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/me", Access.ANY_ROLE, this::getMe)
        .route("PATCH /v1/me", Access.ANY_ROLE, this::updateMe)
        .route("GET /v1/users", Access.ADMINS, this::list)
        .route("POST /v1/users", Access.ADMINS, this::invite)
        // The same rule as the list: other users' records are for owners and admins (a user's
        // own record is GET /v1/me).
        .route("GET /v1/users/{user_id}", Access.ADMINS, this::get)
        .route("PATCH /v1/users/{user_id}", Access.ADMINS, this::update)
        .route("DELETE /v1/users/{user_id}", Access.ADMINS, this::delete);
  }

  private ApiResponse getMe(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(users.get().get(caller, caller.userId()));
  }

  private ApiResponse updateMe(ApiRequest request, Caller caller) {
    UpdateMeRequest body = UpdateMeRequest.from(request.jsonBody());
    return ApiResponse.versioned(users.get().updateMe(caller, request.ifMatchVersion(), body));
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(users.get().list(caller, UserFilters.from(request), request.page()));
  }

  private ApiResponse invite(ApiRequest request, Caller caller) {
    CreateUserRequest body = CreateUserRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> users.get().invite(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(users.get().get(caller, request.uuidPathParameter("user_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateUserRequest body = UpdateUserRequest.from(request.jsonBody());
    return ApiResponse.versioned(users.get().update(caller, request.uuidPathParameter("user_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    users.get().delete(caller, request.uuidPathParameter("user_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

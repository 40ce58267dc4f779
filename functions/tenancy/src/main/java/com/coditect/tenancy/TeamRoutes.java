package com.coditect.tenancy;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import com.coditect.tenancy.api.CreateTeamRequest;
import com.coditect.tenancy.api.UpdateTeamRequest;
import com.coditect.tenancy.domain.TeamService;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The team routes: every user reads the tenant's teams; owners and admins change them and their members. */
@Singleton
final class TeamRoutes implements RouteGroup {

  private final Lazy<TeamService> teams;
  private final Idempotency idempotency;

  @Inject
  TeamRoutes(Lazy<TeamService> teams, Idempotency idempotency) {
    this.teams = teams;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    teams.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/teams", Access.ANY_ROLE, this::list)
        .route("POST /v1/teams", Access.ADMINS, this::create)
        .route("GET /v1/teams/{team_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/teams/{team_id}", Access.ADMINS, this::update)
        .route("DELETE /v1/teams/{team_id}", Access.ADMINS, this::delete)
        .route("PUT /v1/teams/{team_id}/members/{user_id}", Access.ADMINS, this::addMember)
        .route("DELETE /v1/teams/{team_id}/members/{user_id}", Access.ADMINS, this::removeMember);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(teams.get().list(caller, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    CreateTeamRequest body = CreateTeamRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> teams.get().create(caller, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(teams.get().get(caller, request.uuidPathParameter("team_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateTeamRequest body = UpdateTeamRequest.from(request.jsonBody());
    return ApiResponse.versioned(teams.get().update(caller, request.uuidPathParameter("team_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    teams.get().delete(caller, request.uuidPathParameter("team_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse addMember(ApiRequest request, Caller caller) {
    return ApiResponse.ok(teams.get().addMember(caller, request.uuidPathParameter("team_id"),
        request.uuidPathParameter("user_id")));
  }

  private ApiResponse removeMember(ApiRequest request, Caller caller) {
    teams.get().removeMember(caller, request.uuidPathParameter("team_id"), request.uuidPathParameter("user_id"));
    return ApiResponse.noContent();
  }
}

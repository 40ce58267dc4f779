package com.coditect.tenancy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.di.SnapStartPriming;
import com.coditect.shared.events.Actor;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Principal;
import com.coditect.tenancy.api.CreateProjectRequest;
import com.coditect.tenancy.api.CreateTeamRequest;
import com.coditect.tenancy.api.CreateTenantRequest;
import com.coditect.tenancy.api.CreateUserRequest;
import com.coditect.tenancy.api.UpdateMeRequest;
import com.coditect.tenancy.api.UpdateProjectRequest;
import com.coditect.tenancy.api.UpdateTeamRequest;
import com.coditect.tenancy.api.UpdateTenantRequest;
import com.coditect.tenancy.api.UpdateUserRequest;
import com.coditect.tenancy.domain.ProjectService;
import com.coditect.tenancy.domain.TeamService;
import com.coditect.tenancy.domain.TenantService;
import com.coditect.tenancy.domain.UserService;
import dagger.Lazy;
import java.util.List;
import java.util.Optional;

/** The tenancy Lambda: tenants, users, teams, projects, and the OpenAPI document. */
public final class TenancyHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  // Lazy: a new instance builds a service (and its table schemas) when a request first needs it.
  private final Lazy<TenantService> tenants;
  private final Lazy<UserService> users;
  private final Lazy<TeamService> teams;
  private final Lazy<ProjectService> projects;
  private final Idempotency idempotency;
  private final Lazy<OpenApiDocument> openApi;
  private final HttpDispatcher dispatcher;
  // Held here: the runtime's context may keep its resources only weakly.
  private final SnapStartPriming priming;

  public TenancyHandler() {
    this(DaggerTenancyComponent.factory().create(AppConfig.fromEnvironment()));
  }

  TenancyHandler(TenancyComponent component) {
    this.tenants = component.tenants();
    this.users = component.users();
    this.teams = component.teams();
    this.projects = component.projects();
    this.idempotency = component.idempotency();
    this.openApi = component.openApi();
    this.dispatcher = new HttpDispatcher(routes());
    this.priming = SnapStartPriming.register(List.of(tenants::get, users::get, teams::get, projects::get, openApi::get));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return dispatcher.dispatch(event);
  }

  /** What SnapStart runs before its snapshot: every service built. */
  SnapStartPriming priming() {
    return priming;
  }

  /** Every route key this handler serves, for the template/handler consistency test. */
  Router router() {
    return dispatcher.router();
  }

  private Router routes() {
    return Router.builder()
        .publicRoute("GET /v1/openapi.json", this::getOpenApi)
        .route("POST /v1/tenants", this::createTenant)
        .route("GET /v1/tenant", this::getTenant)
        .route("PATCH /v1/tenant", this::updateTenant)
        .route("GET /v1/me", this::getMe)
        .route("PATCH /v1/me", this::updateMe)
        .route("GET /v1/users", this::listUsers)
        .route("POST /v1/users", this::createUser)
        .route("GET /v1/users/{user_id}", this::getUser)
        .route("PATCH /v1/users/{user_id}", this::updateUser)
        .route("DELETE /v1/users/{user_id}", this::deleteUser)
        .route("GET /v1/teams", this::listTeams)
        .route("POST /v1/teams", this::createTeam)
        .route("GET /v1/teams/{team_id}", this::getTeam)
        .route("PATCH /v1/teams/{team_id}", this::updateTeam)
        .route("DELETE /v1/teams/{team_id}", this::deleteTeam)
        .route("PUT /v1/teams/{team_id}/members/{user_id}", this::addTeamMember)
        .route("DELETE /v1/teams/{team_id}/members/{user_id}", this::removeTeamMember)
        .route("GET /v1/projects", this::listProjects)
        .route("POST /v1/projects", this::createProject)
        .route("GET /v1/projects/{project_id}", this::getProject)
        .route("PATCH /v1/projects/{project_id}", this::updateProject)
        .route("DELETE /v1/projects/{project_id}", this::deleteProject)
        .build();
  }

  private ApiResponse getOpenApi(ApiRequest request) {
    return ApiResponse.ok(openApi.get().json());
  }

  private ApiResponse createTenant(ApiRequest request, Principal principal) {
    principal.requirePlatformAdmin();
    CreateTenantRequest body = CreateTenantRequest.from(request.jsonBody());
    return idempotency.create(request, principal, claim -> tenants.get().create(Actor.of(request, principal), body, claim));
  }

  private ApiResponse getTenant(ApiRequest request, Principal principal) {
    return ApiResponse.versioned(tenants.get().get(principal.tenantId()));
  }

  private ApiResponse updateTenant(ApiRequest request, Principal principal) {
    UpdateTenantRequest body = UpdateTenantRequest.from(request.jsonBody());
    return ApiResponse.versioned(tenants.get().update(principal.tenantId(), Actor.of(request, principal), principal.tenantRole(),
        request.ifMatchVersion(), body));
  }

  private ApiResponse getMe(ApiRequest request, Principal principal) {
    return ApiResponse.versioned(users.get().get(principal.tenantId(), principal.userId()));
  }

  private ApiResponse updateMe(ApiRequest request, Principal principal) {
    UpdateMeRequest body = UpdateMeRequest.from(request.jsonBody());
    return ApiResponse.versioned(users.get().updateMe(principal.tenantId(), Actor.of(request, principal), principal.userId(),
        request.ifMatchVersion(), body));
  }

  private ApiResponse listUsers(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    Optional<String> status = request.choiceQueryParameter("status", UserService.STATUSES);
    return ApiResponse.ok(users.get().list(principal.tenantId(), status, request.page()));
  }

  private ApiResponse createUser(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    CreateUserRequest body = CreateUserRequest.from(request.jsonBody());
    return idempotency.create(request, principal, claim -> users.get().invite(principal.tenantId(),
        Actor.of(request, principal), principal.tenantRole(), body, claim));
  }

  private ApiResponse getUser(ApiRequest request, Principal principal) {
    // The same rule as the list: reading other users' records is for owners and admins (a user's
    // own record is GET /v1/me).
    principal.requireAdmin();
    return ApiResponse.versioned(users.get().get(principal.tenantId(), request.uuidPathParameter("user_id")));
  }

  private ApiResponse updateUser(ApiRequest request, Principal principal) {
    UpdateUserRequest body = UpdateUserRequest.from(request.jsonBody());
    return ApiResponse.versioned(users.get().update(principal.tenantId(), Actor.of(request, principal), principal,
        request.uuidPathParameter("user_id"), request.ifMatchVersion(), body));
  }

  private ApiResponse deleteUser(ApiRequest request, Principal principal) {
    users.get().delete(principal.tenantId(), Actor.of(request, principal), principal, request.uuidPathParameter("user_id"),
        request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse listTeams(ApiRequest request, Principal principal) {
    return ApiResponse.ok(teams.get().list(principal.tenantId(), request.page()));
  }

  private ApiResponse createTeam(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    CreateTeamRequest body = CreateTeamRequest.from(request.jsonBody());
    return idempotency.create(request, principal, claim -> teams.get().create(principal.tenantId(),
        Actor.of(request, principal), body, claim));
  }

  private ApiResponse getTeam(ApiRequest request, Principal principal) {
    return ApiResponse.versioned(teams.get().get(principal.tenantId(), request.uuidPathParameter("team_id")));
  }

  private ApiResponse updateTeam(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    UpdateTeamRequest body = UpdateTeamRequest.from(request.jsonBody());
    return ApiResponse.versioned(teams.get().update(principal.tenantId(), Actor.of(request, principal), request.uuidPathParameter("team_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse deleteTeam(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    teams.get().delete(principal.tenantId(), Actor.of(request, principal), request.uuidPathParameter("team_id"),
        request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  private ApiResponse addTeamMember(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    return ApiResponse.ok(teams.get().addMember(principal.tenantId(), Actor.of(request, principal),
        request.uuidPathParameter("team_id"), request.uuidPathParameter("user_id")));
  }

  private ApiResponse removeTeamMember(ApiRequest request, Principal principal) {
    principal.requireAdmin();
    teams.get().removeMember(principal.tenantId(), Actor.of(request, principal), request.uuidPathParameter("team_id"),
        request.uuidPathParameter("user_id"));
    return ApiResponse.noContent();
  }

  private ApiResponse listProjects(ApiRequest request, Principal principal) {
    Optional<String> status = request.choiceQueryParameter("status", UpdateProjectRequest.STATUSES);
    return ApiResponse.ok(projects.get().list(principal.tenantId(), status, request.page()));
  }

  private ApiResponse createProject(ApiRequest request, Principal principal) {
    principal.requireContributor();
    CreateProjectRequest body = CreateProjectRequest.from(request.jsonBody());
    return idempotency.create(request, principal, claim -> projects.get().create(principal.tenantId(),
        Actor.of(request, principal), principal, body, claim));
  }

  private ApiResponse getProject(ApiRequest request, Principal principal) {
    return ApiResponse.versioned(projects.get().get(principal.tenantId(), request.uuidPathParameter("project_id")));
  }

  private ApiResponse updateProject(ApiRequest request, Principal principal) {
    UpdateProjectRequest body = UpdateProjectRequest.from(request.jsonBody());
    return ApiResponse.versioned(projects.get().update(principal.tenantId(), Actor.of(request, principal), principal,
        request.uuidPathParameter("project_id"), request.ifMatchVersion(), body));
  }

  private ApiResponse deleteProject(ApiRequest request, Principal principal) {
    projects.get().delete(principal.tenantId(), Actor.of(request, principal), principal,
        request.uuidPathParameter("project_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

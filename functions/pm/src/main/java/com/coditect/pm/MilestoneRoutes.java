package com.coditect.pm;

import com.coditect.pm.api.CreateMilestoneRequest;
import com.coditect.pm.api.UpdateMilestoneRequest;
import com.coditect.pm.domain.MilestoneService;
import com.coditect.pm.model.MilestoneStatus;
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

/** The milestone routes of API.md's PM table. Every role reads; owners, admins and members write. */
@Singleton
final class MilestoneRoutes implements RouteGroup {

  private final Lazy<MilestoneService> milestones;
  private final Idempotency idempotency;

  @Inject
  MilestoneRoutes(Lazy<MilestoneService> milestones, Idempotency idempotency) {
    this.milestones = milestones;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    milestones.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/projects/{project_id}/milestones", Access.ANY_ROLE, this::list)
        .route("POST /v1/projects/{project_id}/milestones", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/milestones/{milestone_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/milestones/{milestone_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/milestones/{milestone_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    Optional<MilestoneStatus> status = request.choiceQueryParameter("status", MilestoneStatus.class);
    return ApiResponse.ok(milestones.get().list(caller, projectId, status, request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    CreateMilestoneRequest body = CreateMilestoneRequest.from(request.jsonBody());
    return idempotency.create(request, caller, claim -> milestones.get().create(caller, projectId, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(milestones.get().get(caller, request.uuidPathParameter("milestone_id")));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    String milestoneId = request.uuidPathParameter("milestone_id");
    UpdateMilestoneRequest body = UpdateMilestoneRequest.from(request.jsonBody());
    return ApiResponse.versioned(milestones.get().update(caller, milestoneId, request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    milestones.get().delete(caller, request.uuidPathParameter("milestone_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }
}

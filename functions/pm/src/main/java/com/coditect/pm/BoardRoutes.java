package com.coditect.pm;

import com.coditect.pm.api.CreateBoardRequest;
import com.coditect.pm.api.UpdateBoardRequest;
import com.coditect.pm.domain.BoardService;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The board routes of API.md's PM table. Every role reads; owners, admins and members write. */
@Singleton
final class BoardRoutes implements RouteGroup {

  /** A board shows more tasks per page than a list does: a page is a whole screen of cards. */
  static final int DEFAULT_TASK_LIMIT = 100;
  static final int MAX_TASK_LIMIT = 500;

  private final Lazy<BoardService> boards;
  private final Idempotency idempotency;

  @Inject
  BoardRoutes(Lazy<BoardService> boards, Idempotency idempotency) {
    this.boards = boards;
    this.idempotency = idempotency;
  }

  @Override
  public void prime() {
    boards.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/projects/{project_id}/boards", Access.ANY_ROLE, this::list)
        .route("POST /v1/projects/{project_id}/boards", Access.CONTRIBUTORS, this::create)
        .route("GET /v1/boards/{board_id}", Access.ANY_ROLE, this::get)
        .route("PATCH /v1/boards/{board_id}", Access.CONTRIBUTORS, this::update)
        .route("DELETE /v1/boards/{board_id}", Access.CONTRIBUTORS, this::delete);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    return ApiResponse.ok(boards.get().list(caller, request.uuidPathParameter("project_id"), request.page()));
  }

  private ApiResponse create(ApiRequest request, Caller caller) {
    String projectId = request.uuidPathParameter("project_id");
    CreateBoardRequest body = CreateBoardRequest.from(request.jsonBody());
    return idempotency.create(request, caller,
        claim -> boards.get().create(caller, projectId, body, claim));
  }

  private ApiResponse get(ApiRequest request, Caller caller) {
    return ApiResponse.versioned(boards.get().getWithTasks(caller, request.uuidPathParameter("board_id"),
        taskPage(request)));
  }

  private ApiResponse update(ApiRequest request, Caller caller) {
    UpdateBoardRequest body = UpdateBoardRequest.from(request.jsonBody());
    return ApiResponse.versioned(boards.get().update(caller, request.uuidPathParameter("board_id"),
        request.ifMatchVersion(), body));
  }

  private ApiResponse delete(ApiRequest request, Caller caller) {
    boards.get().delete(caller, request.uuidPathParameter("board_id"), request.ifMatchVersion());
    return ApiResponse.noContent();
  }

  /** {@code ?limit=} (1..500, default 100) and {@code ?cursor=} of a board's tasks. */
  private static PageRequest taskPage(ApiRequest request) {
    return PageRequest.of(request.queryParameter("limit"), request.queryParameter("cursor"), DEFAULT_TASK_LIMIT,
        MAX_TASK_LIMIT);
  }

}

package com.coditect.dms;

import com.coditect.dms.domain.ActivityService;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.shared.tenancy.Access;
import com.coditect.shared.tenancy.Caller;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A document's activity ({@code view} on the document, decided in the service). */
@Singleton
final class ActivityRoutes implements RouteGroup {

  private final Lazy<ActivityService> activity;

  @Inject
  ActivityRoutes(Lazy<ActivityService> activity) {
    this.activity = activity;
  }

  @Override
  public void prime() {
    activity.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.route("GET /v1/documents/{document_id}/activity", Access.ANY_ROLE, this::list);
  }

  private ApiResponse list(ApiRequest request, Caller caller) {
    String documentId = request.uuidPathParameter("document_id");
    DocumentActivityAction action = request.choiceQueryParameter("action", DocumentActivityAction.class).orElse(null);
    String userId = request.uuidQueryParameter("user_id").orElse(null);
    return ApiResponse.ok(activity.get().ofDocument(caller, documentId, action, userId, request.page()));
  }
}

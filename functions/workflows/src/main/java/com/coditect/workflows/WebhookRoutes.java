package com.coditect.workflows;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.ApiResponse;
import com.coditect.shared.http.RouteGroup;
import com.coditect.shared.http.Router;
import com.coditect.workflows.api.WebhookAcceptedResponse;
import com.coditect.workflows.domain.WebhookSignature;
import com.coditect.workflows.domain.WebhookTrigger;
import dagger.Lazy;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The public webhook trigger: no token, no tenant; the workflow's signing secret is the credential
 * (checked by {@link WebhookTrigger}). 202: the execution is asked for, the engine starts it.
 */
@Singleton
final class WebhookRoutes implements RouteGroup {

  static final String HOOK_ROUTE = "POST /v1/hooks/workflows/{workflow_id}";

  private final Lazy<WebhookTrigger> hooks;

  @Inject
  WebhookRoutes(Lazy<WebhookTrigger> hooks) {
    this.hooks = hooks;
  }

  @Override
  public void prime() {
    hooks.get();
  }

  @Override
  public void addTo(Router.Builder routes) {
    routes.publicRoute(HOOK_ROUTE, this::receive);
  }

  private ApiResponse receive(ApiRequest request) {
    WebhookTrigger.Call call = new WebhookTrigger.Call(
        request.header(WebhookSignature.TIMESTAMP_HEADER).orElse(null),
        request.header(WebhookSignature.SIGNATURE_HEADER).orElse(null),
        request.bodyText(), request.sourceIp(), request.userAgent(), request.method(),
        HOOK_ROUTE.substring(HOOK_ROUTE.indexOf(' ') + 1));
    String executionId = hooks.get().accept(request.pathParameter("workflow_id"), call);
    return ApiResponse.json(202, new WebhookAcceptedResponse(executionId));
  }
}

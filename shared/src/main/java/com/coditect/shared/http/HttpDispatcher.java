package com.coditect.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.shared.error.ApiException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.ProblemMapper;
import com.coditect.shared.error.UnauthorizedException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request path every function shares: resolve the route by {@code routeKey}, the principal
 * from verified claims, run the route, and map errors to problem+json. One access log line per
 * request with its route, status and duration, never its body.
 */
public final class HttpDispatcher {

  private static final Log LOG = Log.forClass(HttpDispatcher.class);

  private final Router router;

  public HttpDispatcher(Router router) {
    this.router = router;
  }

  public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
    try {
      return respond(event);
    } finally {
      // Whatever escapes, a warm instance's next request must not log with this one's context.
      Log.clearContext();
    }
  }

  private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
    long start = System.nanoTime();
    ApiRequest request = new ApiRequest(event);
    String requestId = request.requestId();
    Log.setContext(requestId, null);
    ApiResponse response;
    try {
      response = handle(request);
    } catch (ApiException e) {
      response = ProblemMapper.toResponse(e, requestId);
    } catch (RuntimeException e) {
      LOG.error("unhandled error", e, "route", request.routeKey());
      response = ProblemMapper.internalError(requestId);
    }
    APIGatewayV2HTTPResponse result = toGatewayResponse(response, requestId);
    LOG.info("request", "route", request.routeKey(), "status", response.status(),
        "duration_ms", (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  public Router router() {
    return router;
  }

  private ApiResponse handle(ApiRequest request) {
    String routeKey = request.routeKey();
    Optional<PublicRoute> publicRoute = router.publicRoute(routeKey);
    if (publicRoute.isPresent()) {
      return publicRoute.get().handle(request);
    }
    Route route = router.route(routeKey)
        .orElseThrow(() -> new NotFoundException("No route " + routeKey + "."));
    Principal principal = Principal.fromClaims(request.verifiedClaims())
        .orElseThrow(() -> new UnauthorizedException("A valid bearer token is required."));
    if (principal.tenant() != null) {
      Log.setTenant(principal.tenant().value());
    }
    // The route table's access, before any route or service code: 401 without a tenant, 403 for a
    // role the route does not allow.
    router.access(routeKey).orElseThrow().check(principal);
    return route.handle(request, Caller.of(request, principal));
  }

  private APIGatewayV2HTTPResponse toGatewayResponse(ApiResponse response, String requestId) {
    Map<String, String> headers = new HashMap<>(response.headers());
    headers.put("X-Request-Id", requestId);
    String body = null;
    if (response.body() != null) {
      try {
        body = response.body() instanceof String text ? text : JsonText.write(response.body());
      } catch (IllegalArgumentException e) {
        LOG.error("response cannot be serialised", e);
        return toGatewayResponse(ProblemMapper.internalError(requestId), requestId);
      }
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}

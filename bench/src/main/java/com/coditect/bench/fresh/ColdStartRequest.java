package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The first request of the HTTP API drivers (tenancy, pm): the caller's claims, given as
 * {@code -Dbench.claim.<name>}, and a GET as the HTTP API sends it after its JWT authorizer
 * accepted the token. It uses only JDK classes and the event classes every HTTP function jar ships.
 */
final class ColdStartRequest {

  private static final String CLAIM_PREFIX = "bench.claim.";

  private ColdStartRequest() {}

  static Map<String, String> claims() {
    // A loop rather than a stream: the driver should not bootstrap lambdas the handler may not need.
    Map<String, String> claims = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(CLAIM_PREFIX)) {
        claims.put(name.substring(CLAIM_PREFIX.length()), System.getProperty(name));
      }
    }
    return claims;
  }

  /**
   * A GET of {@code routeKey} (e.g. {@code GET /v1/tasks/{task_id}}) for {@code path}, the route's
   * path filled in with {@code pathParameters} (null for a route without any).
   */
  static APIGatewayV2HTTPEvent get(String routeKey, String path, Map<String, String> pathParameters,
      Map<String, String> claims) {
    RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
    jwt.setClaims(claims);
    RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    RequestContext.Http http = new RequestContext.Http();
    http.setMethod("GET");
    http.setPath(path);
    http.setProtocol("HTTP/1.1");
    http.setSourceIp("203.0.113.10");
    http.setUserAgent("coditect-bench");
    RequestContext context = new RequestContext();
    context.setRequestId("bench-cold-start");
    context.setRouteKey(routeKey);
    context.setStage("$default");
    context.setHttp(http);
    context.setAuthorizer(authorizer);

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.setRawQueryString("");
    event.setPathParameters(pathParameters);
    event.setHeaders(Map.of("accept", "application/json", "user-agent", "coditect-bench"));
    event.setIsBase64Encoded(false);
    event.setRequestContext(context);
    return event;
  }
}

package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.tenancy.TenancyHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * A cold start of the tenancy function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/tenant} for the tenant whose claims are given as {@code -Dbench.claim.<name>}.
 */
public final class TenancyColdStart {

  private static final String CLAIM_PREFIX = "bench.claim.";

  private TenancyColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = getTenant(claims());

    TenancyHandler handler = new TenancyHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }

  private static Map<String, String> claims() {
    // A loop rather than a stream: the driver should not bootstrap lambdas the handler may not need.
    Map<String, String> claims = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(CLAIM_PREFIX)) {
        claims.put(name.substring(CLAIM_PREFIX.length()), System.getProperty(name));
      }
    }
    return claims;
  }

  /** The event as the HTTP API sends it after its JWT authorizer accepted the token. */
  private static APIGatewayV2HTTPEvent getTenant(Map<String, String> claims) {
    RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
    jwt.setClaims(claims);
    RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    RequestContext.Http http = new RequestContext.Http();
    http.setMethod("GET");
    http.setPath("/v1/tenant");
    http.setProtocol("HTTP/1.1");
    http.setSourceIp("203.0.113.10");
    http.setUserAgent("coditect-bench");
    RequestContext context = new RequestContext();
    context.setRequestId("bench-cold-start");
    context.setRouteKey("GET /v1/tenant");
    context.setStage("$default");
    context.setHttp(http);
    context.setAuthorizer(authorizer);

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey("GET /v1/tenant");
    event.setRawPath("/v1/tenant");
    event.setRawQueryString("");
    event.setHeaders(Map.of("accept", "application/json", "user-agent", "coditect-bench"));
    event.setIsBase64Encoded(false);
    event.setRequestContext(context);
    return event;
  }
}

package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.tenancy.TenancyHandler;

/**
 * A cold start of the tenancy function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/tenant} for the tenant whose claims are given as {@code -Dbench.claim.<name>}.
 */
public final class TenancyColdStart {

  private TenancyColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/tenant", "/v1/tenant", null,
        ColdStartRequest.claims());

    TenancyHandler handler = new TenancyHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.billing.BillingHandler;

/**
 * A cold start of the billing function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/billing-addresses} (one Query) by the user whose claims are given as
 * {@code -Dbench.claim.<name>}.
 */
public final class BillingColdStart {

  private BillingColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/billing-addresses", "/v1/billing-addresses", null,
        ColdStartRequest.claims());

    BillingHandler handler = new BillingHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

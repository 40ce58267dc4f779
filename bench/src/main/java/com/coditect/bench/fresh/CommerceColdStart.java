package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.commerce.CommerceHandler;

/**
 * A cold start of the commerce function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/products} (one Query) by the user whose claims are given as
 * {@code -Dbench.claim.<name>} (the catalog is public; a signed-in user reads it the same way).
 */
public final class CommerceColdStart {

  private CommerceColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/products", "/v1/products", null,
        ColdStartRequest.claims());

    CommerceHandler handler = new CommerceHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

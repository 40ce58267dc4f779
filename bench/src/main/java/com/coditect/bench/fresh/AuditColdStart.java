package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.audit.AuditHandler;

/**
 * A cold start of the audit API: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/audit-logs} (one Query) by the user whose claims are given as
 * {@code -Dbench.claim.<name>}.
 */
public final class AuditColdStart {

  private AuditColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/audit-logs", "/v1/audit-logs", null,
        ColdStartRequest.claims());

    AuditHandler handler = new AuditHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

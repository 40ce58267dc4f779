package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.dms.DmsHandler;
import java.util.Map;

/**
 * A cold start of the DMS function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/folders/{folder_id}} (one GetItem) for the folder given as {@code -Dbench.folder_id},
 * by the user whose claims are given as {@code -Dbench.claim.<name>}. Not a document's GET: that one
 * also writes its {@code viewed} activity row, so it is no read-only first request.
 */
public final class DmsColdStart {

  private DmsColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    String folderId = System.getProperty("bench.folder_id");
    // concat, not "+": see FirstResponse (the driver should not pay for an invokedynamic bootstrap).
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/folders/{folder_id}",
        "/v1/folders/".concat(folderId), Map.of("folder_id", folderId), ColdStartRequest.claims());

    DmsHandler handler = new DmsHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

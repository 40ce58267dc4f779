package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.workflows.WorkflowsHandler;
import java.util.Map;

/**
 * A cold start of the workflows function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/workflows/{workflow_id}} (one GetItem) for the workflow given as
 * {@code -Dbench.workflow_id}, by the user whose claims are given as {@code -Dbench.claim.<name>}.
 */
public final class WorkflowsColdStart {

  private WorkflowsColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    String workflowId = System.getProperty("bench.workflow_id");
    // concat, not "+": see FirstResponse (the driver should not pay for an invokedynamic bootstrap).
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/workflows/{workflow_id}",
        "/v1/workflows/".concat(workflowId), Map.of("workflow_id", workflowId), ColdStartRequest.claims());

    WorkflowsHandler handler = new WorkflowsHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.pm.PmHandler;
import java.util.Map;

/**
 * A cold start of the PM function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/tasks/{task_id}} (one GetItem) for the task given as {@code -Dbench.task_id},
 * by the user whose claims are given as {@code -Dbench.claim.<name>}.
 */
public final class PmColdStart {

  private PmColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    String taskId = System.getProperty("bench.task_id");
    // concat, not "+": see FirstResponse (the driver should not pay for an invokedynamic bootstrap).
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/tasks/{task_id}", "/v1/tasks/".concat(taskId),
        Map.of("task_id", taskId), ColdStartRequest.claims());

    PmHandler handler = new PmHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}

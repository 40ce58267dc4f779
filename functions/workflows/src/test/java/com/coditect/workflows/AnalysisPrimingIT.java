package com.coditect.workflows;

import com.coditect.testing.HttpEvents;
import com.coditect.testing.PrimingCheck;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming of the workflows API with the production wiring, ELK's warm-up layout
 * included, builds objects and nothing else: no AWS call, no credentials fetched.
 */
class AnalysisPrimingIT {

  @Test
  void primingLaysOutADiagramButCallsNothingAndFetchesNoCredentials() {
    try (WorkflowsApi api = new WorkflowsApi("AnalysisPrimingIT")) {
      PrimingCheck.primesWithoutCalling(api.calls, () -> api.handler.priming().beforeCheckpoint(null), () -> {
        var tenant = api.env.seedTenant("PRIME");
        String workflow = new AnalysisFixtures(api).workflow(tenant.id(), 1);
        api.call(HttpEvents.route("GET /v1/workflows/{workflow_id}/diagram").pathParam("workflow_id", workflow)
            .claims(tenant.owner()).build()).assertStatus(200);
      });
    }
  }
}

package com.coditect.pm;

import com.coditect.testing.HttpEvents;
import com.coditect.testing.PrimingCheck;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming with the production wiring builds objects and nothing else: no AWS call (so
 * nothing written), no credentials or secret fetched, no connection opened before the snapshot.
 */
class PmPrimingIT {

  @Test
  void primingCallsNothingAndFetchesNoCredentials() {
    try (PmApi api = new PmApi("PmPrimingIT")) {
      PrimingCheck.primesWithoutCalling(api.calls, () -> api.handler.priming().beforeCheckpoint(null),
          () -> {
            var tenant = api.env.seedTenant("PRIME");
            api.call(HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", tenant.projectId())
                .claims(tenant.owner()).build()).assertStatus(200);
          });
    }
  }
}

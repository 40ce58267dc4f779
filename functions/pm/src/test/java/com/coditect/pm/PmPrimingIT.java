package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.ContainerCredentialsEndpoint;
import com.coditect.testing.HttpEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming with the production wiring builds objects and nothing else: no AWS call (so
 * nothing written), no credentials or secret fetched, no connection opened before the snapshot.
 */
class PmPrimingIT {

  @Test
  void primingCallsNothingAndFetchesNoCredentials() {
    ContainerCredentialsEndpoint credentials = ContainerCredentialsEndpoint.installForThisJvm();
    try (PmApi api = new PmApi("PmPrimingIT")) {
      api.calls.reset();
      int fetched = credentials.served();

      api.handler.priming().beforeCheckpoint(null);

      assertEquals(List.of(), api.calls.operations(), "no DynamoDB call");
      assertEquals(fetched, credentials.served(), "no credentials fetched: no call of any kind was signed");

      var tenant = api.seedTenant("PRIME");
      api.call(HttpEvents.route("GET /v1/projects/{project_id}/tasks").pathParam("project_id", tenant.projectId())
          .claims(tenant.owner()).build()).assertStatus(200);
      assertTrue(credentials.served() > fetched, "the first request after priming fetches them");
    }
  }
}

package com.coditect.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.ContainerCredentialsEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming with the production wiring builds objects and nothing else: no AWS call (so
 * nothing written), no credentials or secret fetched, no connection opened before the snapshot.
 */
class TenancyPrimingIT {

  @Test
  void primingCallsNothingAndFetchesNoCredentials() {
    ContainerCredentialsEndpoint credentials = ContainerCredentialsEndpoint.installForThisJvm();
    try (TenancyApi api = new TenancyApi("TenancyPrimingIT")) {
      api.calls.reset();
      int fetched = credentials.served();

      api.handler.priming().beforeCheckpoint(null);

      assertEquals(List.of(), api.calls.operations(), "no DynamoDB call");
      assertEquals(fetched, credentials.served(), "no credentials fetched: no call of any kind was signed");

      api.seedTenant("Primed");
      assertTrue(credentials.served() > fetched, "the first request after priming fetches them");
    }
  }
}

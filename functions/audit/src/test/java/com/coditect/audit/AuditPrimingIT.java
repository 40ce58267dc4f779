package com.coditect.audit;

import com.coditect.testing.HttpEvents;
import com.coditect.testing.PrimingCheck;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming with the production wiring builds objects and nothing else: no AWS call (so
 * nothing written), no credentials or secret fetched, no connection opened before the snapshot.
 */
class AuditPrimingIT {

  @Test
  void primingCallsNothingAndFetchesNoCredentials() {
    try (AuditApi api = new AuditApi("AuditPrimingIT")) {
      PrimingCheck.primesWithoutCalling(api.calls, () -> api.handler.priming().beforeCheckpoint(null),
          () -> {
            var tenant = api.seedTenant();
            api.call(HttpEvents.route("GET /v1/audit-logs").claims(tenant.owner()).build()).assertStatus(200);
          });
    }
  }
}

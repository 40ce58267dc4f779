package com.coditect.tenancy;

import com.coditect.testing.PrimingCheck;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming with the production wiring builds objects and nothing else: no AWS call (so
 * nothing written), no credentials or secret fetched, no connection opened before the snapshot.
 */
class TenancyPrimingIT {

  @Test
  void primingCallsNothingAndFetchesNoCredentials() {
    try (TenancyApi api = new TenancyApi("TenancyPrimingIT")) {
      PrimingCheck.primesWithoutCalling(api.calls, () -> api.handler.priming().beforeCheckpoint(null),
          () -> api.seedTenant("Primed"));
    }
  }
}

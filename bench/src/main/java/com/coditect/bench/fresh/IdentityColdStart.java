package com.coditect.bench.fresh;

import com.coditect.identity.IdentitySyncHandler;
import java.util.Map;
import java.util.UUID;

/**
 * A cold start of the identity function: its public constructor, then one {@code user.created}
 * event as the bus delivers it for a user the bench seeded. The function reads the user's item and
 * makes the pool (moto's) match it: the unmeasured first run creates the sign-in, every measured
 * run finds it in step (one GetItem, one AdminGetUser).
 */
public final class IdentityColdStart {

  private IdentityColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    String userId = System.getProperty("bench.user_id");
    Map<String, Object> event = Map.of(
        "version", "0",
        "id", UUID.randomUUID().toString(),
        "detail-type", "user.created",
        "source", "coditect.tenancy",
        "detail", Map.of(
            "event_id", UUID.randomUUID().toString(),
            "tenant_id", System.getProperty("bench.tenant_id"),
            "action", "user.created",
            "resource_type", "user",
            "resource_id", userId,
            "changes", Map.of()));

    IdentitySyncHandler handler = new IdentitySyncHandler();
    timing.ready();
    try {
      handler.handleRequest(event, null);
    } catch (RuntimeException e) {
      FirstResponse.fail("the user was not synced: " + e);
    }
    timing.responded();
    System.exit(0);
  }
}

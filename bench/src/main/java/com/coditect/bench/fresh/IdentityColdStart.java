package com.coditect.bench.fresh;

import com.coditect.identity.IdentitySyncHandler;
import java.util.Map;
import java.util.UUID;

/**
 * A cold start of the identity function: its public constructor, then one {@code user.created}
 * event as the bus delivers it, which must create the user in the pool (moto's).
 */
public final class IdentityColdStart {

  private IdentityColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    String userId = UUID.randomUUID().toString();
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
            "changes", Map.of(
                "email", Map.of("new", userId + "@bench.example"),
                "name", Map.of("new", "Bench User"),
                "role", Map.of("new", "member"))));

    IdentitySyncHandler handler = new IdentitySyncHandler();
    timing.ready();
    try {
      handler.handleRequest(event, null);
    } catch (RuntimeException e) {
      FirstResponse.fail("the user was not created: " + e);
    }
    timing.responded();
    System.exit(0);
  }
}

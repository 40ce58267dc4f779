package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.domain.AuditChain;
import com.coditect.local.LocalApiHarness.BusTap;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-ins in the audit trail, locally: {@code POST /local/token} runs the user pool's
 * post-authentication trigger from template.yaml, whose {@code user.login} outbox item reaches the
 * audit function by the same chain as every change (stream -> bus -> rule).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private LocalApiHarness harness;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void mintingATokenForATenantUserIsOneUserLoginEntryForThatUser() throws InterruptedException {
    Tenant acme = harness.createTenant("Acme Sign-ins");
    BusTap logins = harness.tapBus("{\"detail-type\":[\"user.login\"]}");

    // A bare platform administrator's sign-in has no tenant to audit it in.
    harness.post("/local/token", null,
        "{\"user_id\":\"" + LocalApiHarness.PLATFORM_ADMIN_ID + "\",\"platform_admin\":true}").expect(200);
    String token = harness.post("/local/token", null, "{\"tenant_id\":\"" + acme.id() + "\",\"user_id\":\""
        + acme.ownerId() + "\",\"role\":\"owner\"}").expect(200).text("token");
    harness.get("/v1/me", token).expect(200);

    List<AuditEntryItem> signIns = awaitEntries(acme.id(), "user.login");
    assertEquals(1, signIns.size(), "one entry per sign-in");
    AuditEntryItem login = signIns.get(0);
    assertEquals(acme.ownerId(), login.userId());
    assertEquals("user", login.resourceType());
    assertEquals(acme.ownerId(), login.resourceId());
    assertEquals("info", login.severity().apiName());
    assertTrue(login.metadata().contains("coditect.identity"), login.metadata());

    List<JsonNode> onTheBus = logins.drain(Duration.ofSeconds(2));
    assertEquals(1, onTheBus.size(), "the platform administrator's token put no event on the bus: " + onTheBus);
    assertEquals(acme.id(), onTheBus.get(0).path("detail").path("tenant_id").asText());
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(acme.id())), entries(acme.id())),
        "the sign-in is a link of the tenant's chain like any change");
  }

  @Test
  void everySignInIsItsOwnEntry() throws InterruptedException {
    Tenant globex = harness.createTenant("Globex Sign-ins");
    String body = "{\"tenant_id\":\"" + globex.id() + "\",\"user_id\":\"" + globex.ownerId() + "\",\"role\":\"owner\"}";
    harness.post("/local/token", null, body).expect(200);
    harness.post("/local/token", null, body).expect(200);
    Instant deadline = Instant.now().plus(EVENTUALLY);
    List<AuditEntryItem> signIns = withAction(entries(globex.id()), "user.login");
    while (signIns.size() < 2 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      signIns = withAction(entries(globex.id()), "user.login");
    }
    assertEquals(2, signIns.size());
    assertNotEquals(signIns.get(0).eventId(), signIns.get(1).eventId());
  }

  /** Waits until the tenant's chain has an entry with {@code action}, then a little for stragglers. */
  private List<AuditEntryItem> awaitEntries(String tenant, String action) throws InterruptedException {
    Instant deadline = Instant.now().plus(EVENTUALLY);
    List<AuditEntryItem> found = withAction(entries(tenant), action);
    while (found.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      found = withAction(entries(tenant), action);
    }
    // A second, unwanted entry would arrive by the same pump within a few polls.
    Thread.sleep(1_000);
    return withAction(entries(tenant), action);
  }

  private static List<AuditEntryItem> withAction(List<AuditEntryItem> entries, String action) {
    return entries.stream().filter(entry -> action.equals(entry.action())).toList();
  }

  private List<AuditEntryItem> entries(String tenant) {
    return harness.auditEntries(tenant);
  }

}

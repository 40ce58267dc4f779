package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.domain.AuditChain;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail through the local gateway: changes made over HTTP reach the audit function by
 * the real chain (outbox -> stream -> bus -> rule), each as exactly one entry of an intact chain,
 * which the audit routes list and verify; a bus outage delays entries but loses none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEndToEndIT {

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
  @ExercisesRules("AuditIngestFunctionEveryDomainEvent")
  void everyChangeHasExactlyOneEntryInAnIntactChain() throws InterruptedException {
    Tenant acme = harness.createTenant("Acme Audit");
    String project = harness.create("/v1/projects", acme.ownerToken(), "{\"key\":\"AUD\",\"name\":\"Audited\"}");
    String task = harness.create("/v1/projects/" + project + "/tasks", acme.ownerToken(), "{\"title\":\"Trace me\"}");
    harness.patch("/v1/tasks/" + task, acme.ownerToken(), null, "{\"status\":\"done\"}").expect(200);
    harness.delete("/v1/tasks/" + task, acme.ownerToken()).expect(204);

    List<String> wanted = List.of("project.created", "task.created", "task.updated", "task.deleted");
    Instant deadline = Instant.now().plus(EVENTUALLY);
    List<AuditEntryItem> entries = entries(acme.id());
    while (!actions(entries).containsAll(wanted) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      entries = entries(acme.id());
    }
    List<String> actions = actions(entries);
    for (String action : wanted) {
      assertEquals(1, actions.stream().filter(action::equals).count(), action + " in " + actions);
    }
    assertEquals(entries.size(), new HashSet<>(entries.stream().map(entry -> entry.eventId()).toList()).size(),
        "one entry per event");
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(acme.id())), entries));
    assertTrue(entries.stream().anyMatch(entry -> "task.deleted".equals(entry.action()) && "warning".equals(entry.severity().apiName())));
  }

  @Test
  void anAuditorListsAndVerifiesTheChainAndSeesATamperedEntry() throws InterruptedException {
    Tenant acme = harness.createTenant("Acme Verify");
    String auditor = harness.addUser(acme, "auditor").token();
    String project = harness.create("/v1/projects", acme.ownerToken(), "{\"key\":\"VER\",\"name\":\"Verified\"}");
    harness.patch("/v1/projects/" + project, acme.ownerToken(), null, "{\"name\":\"Verified twice\"}").expect(200);
    List<AuditEntryItem> entries = awaitActions(acme.id(), List.of("project.created", "project.updated"));

    var byProject = harness.get("/v1/audit-logs?resource_type=project&resource_id=" + project, auditor).expect(200);
    List<String> actions = new ArrayList<>();
    byProject.json().path("items").forEach(item -> actions.add(item.path("action").asText()));
    assertEquals(List.of("project.updated", "project.created"), actions);
    harness.get("/v1/audit-logs", acme.ownerToken()).expect(200);
    harness.get("/v1/audit-logs", harness.addUser(acme, "member").token()).expect(403);

    var intact = harness.get("/v1/audit-logs/verify", auditor).expect(200).json();
    assertTrue(intact.path("intact").asBoolean(), intact.toString());
    assertTrue(intact.path("complete").asBoolean(), intact.toString());

    AuditEntryItem victim = entries.stream().filter(entry -> "project.updated".equals(entry.action())).findFirst()
        .orElseThrow();
    harness.dynamoDb().updateItem(b -> b.tableName(harness.settings().tableName())
        .key(Map.of("PK", AttributeValue.fromS(victim.meta().pk()), "SK", AttributeValue.fromS(victim.meta().sk())))
        .updateExpression("SET changes = :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("{}"))));
    var tampered = harness.get("/v1/audit-logs/verify", auditor).expect(200).json();
    assertFalse(tampered.path("intact").asBoolean());
    assertEquals(victim.seq(), tampered.path("first_break").path("seq").asLong());
    assertEquals("altered", tampered.path("first_break").path("reason").asText());
  }

  @Test
  void aChangeMadeWhileTheBusIsDownIsAuditedOnceItRecovers() throws InterruptedException {
    Tenant acme = harness.createTenant("Acme Outage");
    String project = harness.create("/v1/projects", acme.ownerToken(), "{\"key\":\"OUT\",\"name\":\"Outage\"}");
    awaitActions(acme.id(), List.of("project.created"));

    harness.eventBridge().deleteEventBus(b -> b.name(harness.settings().busName()));
    try {
      harness.patch("/v1/projects/" + project, acme.ownerToken(), null, "{\"name\":\"Changed in the dark\"}")
          .expect(200);
      // Several pump cycles while PutEvents fails: the change is committed, its event waits in the outbox.
      Thread.sleep(2_000);
      assertFalse(actions(entries(acme.id())).contains("project.updated"), "no entry while the bus is down");
    } finally {
      harness.eventBridge().createEventBus(b -> b.name(harness.settings().busName()));
    }

    List<AuditEntryItem> entries = awaitActions(acme.id(), List.of("project.created", "project.updated"));
    assertEquals(1, actions(entries).stream().filter("project.updated"::equals).count());
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(acme.id())), entries));
  }

  /** The tenant's entries once every wanted action has one (or the deadline passed). */
  private List<AuditEntryItem> awaitActions(String tenant, List<String> wanted) throws InterruptedException {
    Instant deadline = Instant.now().plus(EVENTUALLY);
    List<AuditEntryItem> entries = entries(tenant);
    while (!actions(entries).containsAll(wanted) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      entries = entries(tenant);
    }
    assertTrue(actions(entries).containsAll(wanted), "audited: " + actions(entries));
    return entries;
  }

  private List<AuditEntryItem> entries(String tenant) {
    return harness.auditEntries(tenant);
  }


  private static List<String> actions(List<AuditEntryItem> entries) {
    return entries.stream().map(entry -> entry.action()).toList();
  }

  /** Reviews emit events from the audit function itself (coditect.audit); they are audited like any other. */
  @Test
  void anAuditReviewsChangesAreInTheAuditLog() throws InterruptedException {
    Tenant acme = harness.createTenant("Acme Reviews");
    LocalApiHarness.User auditor = harness.addUser(acme, "auditor");
    String review = harness.create("/v1/audit-reviews", auditor.token(),
        "{\"review_type\":\"security\",\"scope_start_date\":\"2026-01-01\",\"scope_end_date\":\"2026-03-31\"}");
    harness.patch("/v1/audit-reviews/" + review, auditor.token(), "\"1\"",
        "{\"findings\":\"No issues\",\"status\":\"completed\"}").expect(200);

    List<String> wanted = List.of("audit_review.completed", "audit_review.created");
    String query = "/v1/audit-logs?resource_type=audit_review&resource_id=" + review;
    Instant deadline = Instant.now().plus(EVENTUALLY);
    LocalApiHarness.Response log = harness.get(query, auditor.token()).expect(200);
    while (!actions(log).equals(wanted) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      log = harness.get(query, auditor.token()).expect(200);
    }
    assertEquals(wanted, actions(log), "newest first, one entry per change: " + log);
    assertEquals(auditor.id(), log.json().path("items").get(0).path("user_id").asText());
    assertEquals("coditect.audit", log.json().path("items").get(0).path("metadata").path("source").asText(), log.toString());
  }

  private static List<String> actions(LocalApiHarness.Response log) {
    List<String> actions = new ArrayList<>();
    log.json().path("items").forEach(item -> actions.add(item.path("action").asText()));
    return actions;
  }
}

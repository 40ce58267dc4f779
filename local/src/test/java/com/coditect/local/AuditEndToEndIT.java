package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
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
 * the real chain (outbox -> stream -> bus -> rule), each as exactly one entry of an intact chain.
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
    assertEquals(entries.size(), new HashSet<>(entries.stream().map(entry -> entry.eventId).toList()).size(),
        "one entry per event");
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(acme.id())), entries));
    assertTrue(entries.stream().anyMatch(entry -> "task.deleted".equals(entry.action) && "warning".equals(entry.severity)));
  }

  private List<AuditEntryItem> entries(String tenant) {
    List<AuditEntryItem> entries = new ArrayList<>();
    harness.dynamoDb().queryPaginator(q -> q.tableName(harness.settings().tableName())
            .keyConditionExpression("PK = :pk").consistentRead(true)
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditKeys.entries(new TenantId(tenant))))))
        .items().stream().filter(item -> !AuditKeys.HEAD.equals(item.get("SK").s()))
        .forEach(item -> entries.add(AuditEntryItem.SCHEMA.mapToItem(item)));
    return entries;
  }

  private static List<String> actions(List<AuditEntryItem> entries) {
    return entries.stream().map(entry -> entry.action).toList();
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

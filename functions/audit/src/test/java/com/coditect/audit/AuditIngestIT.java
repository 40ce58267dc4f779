package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.audit.data.AuditKeys;
import com.coditect.audit.domain.AuditChain;
import com.coditect.shared.config.AuditConfig;
import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.TestInterceptors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit ingest on moto, fed events as the bus delivers them: exactly one entry per event, in a
 * hash chain per tenant that concurrent deliveries never fork, where tampering shows and erasing a
 * person's raw data does not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIngestIT {

  private static final long DAY = 24L * 3600;

  private AwsTestEnvironment env;
  private final DynamoDbCallCounter calls = new DynamoDbCallCounter();
  private AuditIngestHandler handler;
  private final TestClock clock = new TestClock();

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create("audit-ingest");
    handler = new AuditIngestHandler(DaggerTestAuditComponent.factory()
        .create(env.appConfig(), new AuditConfig(AwsTestEnvironment.secret("test-pseudonym-key")),
            TestInterceptors.of(calls), clock));
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void eachEventBecomesOneEntryAndARedeliveryChangesNothing() {
    String tenant = Ids.newId();
    Map<String, Object> event = event(tenant, "task.updated", "task", Ids.newId());
    handler.handleRequest(event, null);
    handler.handleRequest(event, null);

    List<AuditEntryItem> entries = entries(tenant);
    assertEquals(1, entries.size());
    AuditEntryItem entry = entries.get(0);
    assertEquals(1L, entry.seq());
    assertEquals("task.updated", entry.action());
    assertEquals("task", entry.resourceType());
    assertEquals("PATCH", entry.requestMethod());
    assertEquals("203.0.113.7", entry.ipAddress());
    assertNotEquals(entry.ipAddress(), entry.ipPseudonym());
    assertEquals("info", entry.severity().apiName());
    assertTrue(entry.changes().contains("\"status\""), entry.changes());
    assertTrue(entry.metadata().contains("coditect.pm"), entry.metadata());
    assertEquals(AuditChain.genesis(new TenantId(tenant)), entry.prevHash());
    assertTrue(entry.meta().ttl() > System.currentTimeMillis() / 1000 + 364L * 24 * 3600, "kept a year at least");
    assertEquals(1, rows(AuditKeys.byAction(new TenantId(tenant), "task.updated")), "listed by action");
    assertEquals(1, rows(AuditKeys.bySeverity(new TenantId(tenant), "info")), "listed by severity");
  }

  @Test
  void aTenantKeepingEntriesTwoYearsGetsThatExpiryOnTheEntryAndEveryRow() {
    String tenant = Ids.newId();
    putTenant(tenant, 730);
    String task = Ids.newId();
    calls.reset();
    handler.handleRequest(event(tenant, "task.updated", "task", task), null);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), calls.operations(),
        "chain head and tenant setting in one read, then one write");

    AuditEntryItem entry = entries(tenant).get(0);
    assertEquals(Instant.parse(entry.createdAt()).getEpochSecond() + 730 * DAY, entry.meta().ttl());
    TenantId id = new TenantId(tenant);
    for (String list : List.of(AuditKeys.byAction(id, "task.updated"), AuditKeys.bySeverity(id, "info"),
        AuditKeys.byUser(id, entry.userId()), AuditKeys.byResource(id, "task", task))) {
      List<AuditEntryItem> rows = rowItems(list);
      assertEquals(1, rows.size(), list);
      assertEquals(entry.meta().ttl(), rows.get(0).meta().ttl(), "row of " + list + " expires with its entry");
    }
  }

  @Test
  void aTenantWithoutTheSettingOrWithoutAnItemKeepsEntriesAYear() {
    String withoutSetting = Ids.newId();
    putTenant(withoutSetting, null);
    String withoutItem = Ids.newId();
    for (String tenant : List.of(withoutSetting, withoutItem)) {
      handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
      AuditEntryItem entry = entries(tenant).get(0);
      assertEquals(Instant.parse(entry.createdAt()).getEpochSecond() + 365 * DAY, entry.meta().ttl(), tenant);
    }
  }

  @Test
  void aSettingBelowAYearNeverShortensRetention() {
    String tenant = Ids.newId();
    putTenant(tenant, 30);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    AuditEntryItem entry = entries(tenant).get(0);
    assertEquals(Instant.parse(entry.createdAt()).getEpochSecond() + 365 * DAY, entry.meta().ttl());
  }

  @Test
  void aRaisedSettingAppliesFromTheNextEntry() {
    String tenant = Ids.newId();
    putTenant(tenant, 365);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    putTenant(tenant, 1000);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    List<AuditEntryItem> entries = entries(tenant);
    assertEquals(Instant.parse(entries.get(0).createdAt()).getEpochSecond() + 365 * DAY, entries.get(0).meta().ttl());
    assertEquals(Instant.parse(entries.get(1).createdAt()).getEpochSecond() + 1000 * DAY, entries.get(1).meta().ttl());
  }

  /** Issue #10: a newer entry expiring before an older one would leave a gap that reads as tampering. */
  @Test
  void loweringTheRetentionNeverGivesANewerEntryAnEarlierExpiry() {
    String tenant = Ids.newId();
    putTenant(tenant, 3650);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    putTenant(tenant, 365);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    putTenant(tenant, 3650);
    handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);

    List<AuditEntryItem> entries = entries(tenant);
    assertEquals(5, entries.size());
    for (int i = 1; i < entries.size(); i++) {
      assertTrue(entries.get(i).meta().ttl() >= entries.get(i - 1).meta().ttl(), "seq " + (i + 1) + " expires before seq " + i);
      assertEquals(entries.get(i - 1).meta().ttl(), entries.get(i).prevTtl(), "seq " + (i + 1) + " names its predecessor's expiry");
    }
    assertNull(entries.get(0).prevTtl());
    assertEquals(entries.get(1).meta().ttl(), entries.get(2).meta().ttl(), "a year from now is sooner than the ten years already promised");
    assertTrue(entries.get(4).meta().ttl() >= Instant.parse(entries.get(4).createdAt()).getEpochSecond() + 3650 * DAY,
        "a raised setting applies again");
    TenantId id = new TenantId(tenant);
    assertEquals(entries.get(3).meta().ttl(), rowItems(AuditKeys.byUser(id, entries.get(3).userId())).get(0).meta().ttl(),
        "the rows expire with their entry");
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(id), entries));
  }

  @Test
  void anEntrysExpiryIsChainedSoChangingItShows() {
    String tenant = Ids.newId();
    for (int i = 0; i < 3; i++) {
      handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    }
    String genesis = AuditChain.genesis(new TenantId(tenant));
    assertEquals(-1, AuditChain.firstBreak(genesis, entries(tenant)));
    // Expiring an entry early, so that DynamoDB removes it, breaks the chain at that entry.
    update(tenant, 2, "SET #ttl = :past", Map.of(":past", AttributeValue.fromN("1000")));
    assertEquals(2, AuditChain.firstBreak(genesis, entries(tenant)));
  }

  @Test
  void deletionsAndRoleChangesAreNotJustInformation() {
    String tenant = Ids.newId();
    handler.handleRequest(event(tenant, "task.deleted", "task", Ids.newId()), null);
    handler.handleRequest(event(tenant, "user.role_changed", "user", Ids.newId()), null);
    handler.handleRequest(event(tenant, "tenant.deleted", "tenant", tenant), null);
    List<String> severities = entries(tenant).stream().map(entry -> entry.severity().apiName()).toList();
    assertEquals(List.of("warning", "warning", "critical"), severities);
  }

  @Test
  void theChainVerifiesShowsTamperingAndSurvivesErasingAPersonsRawData() {
    String tenant = Ids.newId();
    for (int i = 0; i < 5; i++) {
      handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
    }
    String genesis = AuditChain.genesis(new TenantId(tenant));
    assertEquals(-1, AuditChain.firstBreak(genesis, entries(tenant)));

    // Erasure: the raw ip and user agent go; their pseudonyms, which the chain covers, stay.
    update(tenant, 2, "REMOVE ip_address, user_agent", Map.of());
    assertNull(entries(tenant).get(1).ipAddress());
    assertEquals(-1, AuditChain.firstBreak(genesis, entries(tenant)));

    // Tampering: an action rewritten in place is the first break.
    update(tenant, 3, "SET #action = :action", Map.of(":action", AttributeValue.fromS("task.viewed")));
    assertEquals(3, AuditChain.firstBreak(genesis, entries(tenant)));
  }

  /**
   * Issue #10 section 4: the ingest decides from the chain head and the event's id, never from the
   * order events arrive in. Each entry keeps when its event occurred; its place in the chain is
   * when it was recorded.
   */
  @Test
  void eventsDeliveredInReverseAndTwiceBecomeOneEntryEachInAnIntactChain() {
    String tenant = Ids.newId();
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> event = event(tenant, "task.updated", "task", Ids.newId());
      @SuppressWarnings("unchecked")
      Map<String, Object> detail = (Map<String, Object>) event.get("detail");
      detail.put("occurred_at", "2026-11-25T10:00:0" + i + ".000Z");
      events.add(event);
    }
    List<Map<String, Object>> reversed = new ArrayList<>(events);
    Collections.reverse(reversed);
    for (int round = 0; round < 2; round++) {
      for (Map<String, Object> event : reversed) {
        handler.handleRequest(event, null);
      }
    }

    List<AuditEntryItem> entries = entries(tenant);
    assertEquals(5, entries.size(), "one entry per event");
    for (int i = 0; i < entries.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> detail = (Map<String, Object>) reversed.get(i).get("detail");
      AuditEntryItem entry = entries.get(i);
      assertEquals(i + 1L, entry.seq());
      assertEquals(detail.get("event_id"), entry.eventId());
      assertTrue(entry.metadata().contains("\"occurred_at\":\"" + detail.get("occurred_at") + "\""), entry.metadata());
    }
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(tenant)), entries));
    assertEquals(5, rows(AuditKeys.byAction(new TenantId(tenant), "task.updated")), "and one row per list");
  }

  @Test
  void concurrentDeliveriesForOneTenantNeverForkTheChain() throws Exception {
    String tenant = Ids.newId();
    int threads = 4;
    int perThread = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            handler.handleRequest(event(tenant, "task.updated", "task", Ids.newId()), null);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<AuditEntryItem> entries = entries(tenant);
    assertEquals(threads * perThread, entries.size());
    Set<String> events = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(i + 1L, entries.get(i).seq(), "no gap, no fork");
      events.add(entries.get(i).eventId());
    }
    assertEquals(threads * perThread, events.size());
    assertEquals(-1, AuditChain.firstBreak(AuditChain.genesis(new TenantId(tenant)), entries));
  }

  // ---------------------------------------------------------------- helpers

  /** A bus event as the outbox publisher puts it: envelope plus the DomainEvent detail. */
  private static Map<String, Object> event(String tenant, String action, String resourceType, String resourceId) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("event_id", Ids.newId());
    detail.put("tenant_id", tenant);
    detail.put("source", "coditect.pm");
    detail.put("actor", Map.of("user_id", Ids.newId(), "ip", "203.0.113.7", "user_agent", "curl/8"));
    detail.put("request", Map.of("method", "PATCH", "path", "/v1/tasks/" + resourceId));
    detail.put("action", action);
    detail.put("resource_type", resourceType);
    detail.put("resource_id", resourceId);
    detail.put("changes", Map.of("status", Map.of("old", "todo", "new", "done")));
    detail.put("occurred_at", "2026-11-25T10:00:00.000Z");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("source", "coditect.pm");
    envelope.put("detail-type", action);
    envelope.put("detail", detail);
    return envelope;
  }

  /** The tenant's entries in chain order (tests may read a whole partition). */
  private List<AuditEntryItem> entries(String tenant) {
    List<AuditEntryItem> entries = new ArrayList<>();
    env.dynamoDb().queryPaginator(q -> q.tableName(env.tableName()).keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditKeys.entries(new TenantId(tenant))))))
        .items().stream().filter(item -> !AuditKeys.HEAD.equals(item.get("SK").s()))
        .forEach(item -> entries.add(AuditEntryItem.SCHEMA.mapToItem(item)));
    return entries;
  }

  /** A tenant item as tenancy writes it, with the setting or (null) without it. */
  private void putTenant(String tenant, Integer retentionDays) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(
        CoreKeys.tenant(new TenantId(tenant)).primaryKeyMap(UniqueItem.SCHEMA));
    item.put("entity_type", AttributeValue.fromS("TENANT"));
    item.put("id", AttributeValue.fromS(tenant));
    item.put("name", AttributeValue.fromS("Retention Ltd"));
    if (retentionDays != null) {
      item.put("audit_retention_days", AttributeValue.fromN(retentionDays.toString()));
    }
    env.dynamoDb().putItem(p -> p.tableName(env.tableName()).item(item));
  }

  private List<AuditEntryItem> rowItems(String partition) {
    return env.dynamoDb().query(q -> q.tableName(env.tableName()).keyConditionExpression("PK = :pk")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
        .items().stream().map(AuditEntryItem.SCHEMA::mapToItem).toList();
  }

  private int rows(String partition) {
    return env.dynamoDb().query(q -> q.tableName(env.tableName()).keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).count();
  }

  private void update(String tenant, long seq, String expression, Map<String, AttributeValue> values) {
    var request = software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
        .tableName(env.tableName())
        .key(AuditKeys.entry(new TenantId(tenant), seq).primaryKeyMap(UniqueItem.SCHEMA))
        .updateExpression(expression);
    if (expression.contains("#action")) {
      request.expressionAttributeNames(Map.of("#action", "action"));
    }
    if (expression.contains("#ttl")) {
      request.expressionAttributeNames(Map.of("#ttl", "ttl"));
    }
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    env.dynamoDb().updateItem(request.build());
  }
}

package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.shared.store.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * No event is lost on the local runtime, whose bus refuses what EventBridge refuses: a change of
 * 300 KB travels as digests to the bus and the audit log, an event the bus refuses is parked in
 * full while the rest flow on, and {@code POST /local/outbox/redrive} puts a corrected one back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxEndToEndIT {

  private static final String EVERY_CODITECT_EVENT = "{\"source\":[{\"prefix\":\"coditect.\"}]}";
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  private LocalApiHarness harness;
  private LocalApiHarness.BusTap bus;
  private Tenant acme;
  private String project;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    bus = harness.tapBus(EVERY_CODITECT_EVENT);
    acme = harness.createTenant("Acme Outbox");
    project = harness.create("/v1/projects", acme.ownerToken(), "{\"key\":\"OUT\",\"name\":\"Outbox\"}");
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aTaskUpdateOf300KilobytesReachesTheBusAndTheAuditLogAsDigests() throws Exception {
    // 50,000 characters of three UTF-8 bytes each: the old and the new description are 150 KB apiece.
    String before = "€".repeat(50_000);
    String after = "漢".repeat(50_000);
    String task = harness.create("/v1/projects/" + project + "/tasks", acme.ownerToken(),
        json(Map.of("title", "Long read", "description", before)));
    harness.patch("/v1/tasks/" + task, acme.ownerToken(), null, json(Map.of("description", after))).expect(200);

    JsonNode event = bus.awaitEvent(e -> isEvent(e, "task.updated", task), EVENTUALLY)
        .orElseThrow(() -> new AssertionError("task.updated never reached the bus: " + bus.received()));
    JsonNode description = event.path("detail").path("changes").path("description");
    assertEquals(digest(before), description.path("old"));
    assertEquals(digest(after), description.path("new"));

    JsonNode entry = awaitAuditEntry("/v1/audit-logs?resource_type=task&resource_id=" + task, "task.updated");
    assertEquals(digest(after), entry.path("changes").path("description").path("new"),
        "the audit entry shows that it changed, and to what digest");
    assertEquals(digest(before), entry.path("changes").path("description").path("old"));
  }

  @Test
  void anEventOver256KilobytesIsParkedInFullAndTheRestFlowOn() {
    String eventId = UUID.randomUUID().toString();
    String detail = domainEvent(eventId, "project.updated", "x".repeat(300 * 1024));
    writeOutboxItem(eventId, detail);
    String renamed = "Outbox " + UUID.randomUUID();
    harness.patch("/v1/projects/" + project, acme.ownerToken(), null, json(Map.of("name", renamed))).expect(200);

    assertTrue(bus.awaitEvent(e -> isEvent(e, "project.updated", project)
            && renamed.equals(e.path("detail").path("changes").path("name").path("new").asText()), EVENTUALLY).isPresent(),
        "the change after the oversized event reached the bus");
    Map<String, AttributeValue> parked = awaitParked(eventId);
    assertEquals(detail, parked.get("detail").s(), "kept in full");
    assertEquals("entry_too_large", parked.get("reason").s());

    JsonNode redrive = harness.post("/local/outbox/redrive", null, null).expect(200).json();
    assertTrue(ids(redrive.path("still_parked_event_ids")).contains(eventId), redrive.toString());
    assertEquals(detail, awaitParked(eventId).get("detail").s(), "still refused: still parked");
  }

  @Test
  void aPoisonedEventAloneIsParkedAndOnceCorrectedARedriveDeliversItExactlyOnce() {
    String eventId = UUID.randomUUID().toString();
    writeOutboxItem(eventId, "{\"event_id\":\"" + eventId + "\", this is not JSON");
    String member = harness.addUser(acme, "member").id();

    assertTrue(bus.awaitEvent(e -> isEvent(e, "user.created", member), EVENTUALLY).isPresent(),
        "the events after the poisoned one flow on");
    assertEquals("MalformedDetail", awaitParked(eventId).get("reason").s());

    JsonNode refused = harness.post("/local/outbox/redrive", null, null).expect(200).json();
    assertTrue(ids(refused.path("still_parked_event_ids")).contains(eventId), "still malformed: " + refused);

    // The operator corrects the parked event, then redrives it.
    String corrected = domainEvent(eventId, "project.updated", "corrected");
    harness.dynamoDb().updateItem(r -> r.tableName(harness.settings().tableName()).key(parkedKey(eventId))
        .updateExpression("SET detail = :d").expressionAttributeValues(Map.of(":d", AttributeValue.fromS(corrected))));
    JsonNode redriven = harness.post("/local/outbox/redrive", null, null).expect(200).json();
    assertTrue(redriven.path("redriven").asInt() >= 1, redriven.toString());
    assertTrue(!ids(redriven.path("still_parked_event_ids")).contains(eventId), redriven.toString());
    assertTrue(parkedItem(eventId).isEmpty(), "the parked item is removed once the bus took it");

    assertTrue(bus.awaitEvent(e -> eventId.equals(e.path("detail").path("event_id").asText()), EVENTUALLY).isPresent());
    JsonNode entry = awaitAuditEntry("/v1/audit-logs?resource_type=project&resource_id=" + project,
        "project.updated", e -> "corrected".equals(e.path("changes").path("note").path("new").asText()));
    assertEquals("corrected", entry.path("changes").path("note").path("new").asText(), "rule targets got it too");

    JsonNode again = harness.post("/local/outbox/redrive", null, null).expect(200).json();
    assertTrue(!ids(again.path("still_parked_event_ids")).contains(eventId), again.toString());
    long copies = bus.drain(Duration.ofSeconds(2)).stream()
        .filter(e -> eventId.equals(e.path("detail").path("event_id").asText())).count();
    assertEquals(1, copies, "delivered exactly once");
  }

  @Test
  void theRedriveRouteTakesOnlyPost() {
    assertEquals(405, harness.get("/local/outbox/redrive", null).status());
  }

  // ------------------------------------------------------------------------------------------

  /** A raw outbox item, as a change's transaction writes it, with a detail no API would produce. */
  private void writeOutboxItem(String eventId, String detail) {
    harness.dynamoDb().putItem(r -> r.tableName(harness.settings().tableName()).item(Map.of(
        "PK", AttributeValue.fromS("T#" + acme.id() + "#OUTBOX#" + eventId),
        "SK", AttributeValue.fromS("OUTBOX"),
        "entity_type", AttributeValue.fromS("OUTBOX"),
        "event_id", AttributeValue.fromS(eventId),
        "source", AttributeValue.fromS("coditect.tenancy"),
        "detail_type", AttributeValue.fromS("project.updated"),
        "detail", AttributeValue.fromS(detail),
        "created_at", AttributeValue.fromS(Instant.now().toString()),
        "ttl", AttributeValue.fromN(String.valueOf(Instant.now().plus(Duration.ofDays(1)).getEpochSecond())))));
  }

  /** A project.updated event of this class's project whose one change is {@code note}. */
  private String domainEvent(String eventId, String action, String note) {
    ObjectNode event = LocalApiHarness.JSON.createObjectNode();
    event.put("event_id", eventId).put("tenant_id", acme.id()).put("source", "coditect.tenancy");
    event.putObject("actor").put("user_id", acme.ownerId()).putNull("ip").putNull("user_agent");
    event.putObject("request").putNull("method").putNull("path");
    event.put("action", action).put("resource_type", "project").put("resource_id", project);
    event.putObject("changes").putObject("note").putNull("old").put("new", note);
    event.put("occurred_at", Timestamps.format(Instant.now()));
    return event.toString();
  }

  private Map<String, AttributeValue> parkedKey(String eventId) {
    return Map.of("PK", AttributeValue.fromS("T#" + acme.id() + "#PARKED_EVENT#" + eventId),
        "SK", AttributeValue.fromS("PARKED_EVENT"));
  }

  private Map<String, AttributeValue> parkedItem(String eventId) {
    return harness.dynamoDb().getItem(r -> r.tableName(harness.settings().tableName()).consistentRead(true)
        .key(parkedKey(eventId))).item();
  }

  private Map<String, AttributeValue> awaitParked(String eventId) {
    Instant deadline = Instant.now().plus(EVENTUALLY);
    Map<String, AttributeValue> item;
    while ((item = parkedItem(eventId)).isEmpty() && Instant.now().isBefore(deadline)) {
      LocalApiHarness.pause(Duration.ofMillis(200));
    }
    assertTrue(!item.isEmpty(), "event " + eventId + " was never parked");
    return item;
  }

  private JsonNode awaitAuditEntry(String query, String action) {
    return awaitAuditEntry(query, action, entry -> true);
  }

  private JsonNode awaitAuditEntry(String query, String action, java.util.function.Predicate<JsonNode> wanted) {
    Instant deadline = Instant.now().plus(EVENTUALLY);
    while (true) {
      Response page = harness.get(query, acme.ownerToken()).expect(200);
      Optional<JsonNode> found = Optional.empty();
      for (JsonNode entry : page.json().path("items")) {
        if (action.equals(entry.path("action").asText()) && wanted.test(entry)) {
          found = Optional.of(entry);
        }
      }
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + action + " audit entry: " + page);
      }
      LocalApiHarness.pause(Duration.ofMillis(200));
    }
  }

  private static boolean isEvent(JsonNode event, String detailType, String resourceId) {
    return detailType.equals(event.path("detail-type").asText())
        && resourceId.equals(event.path("detail").path("resource_id").asText());
  }

  private static JsonNode digest(String text) throws Exception {
    ObjectNode digest = LocalApiHarness.JSON.createObjectNode();
    digest.put("length", text.length());
    digest.put("sha256", HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
    return digest;
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static String json(Map<String, String> fields) {
    ObjectNode body = LocalApiHarness.JSON.createObjectNode();
    fields.forEach(body::put);
    return body.toString();
  }
}

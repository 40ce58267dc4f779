package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.local.LocalApiHarness.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The reactions to folder, project and storage events, end to end: the change reaches the table
 * (through the gateway, or, to play a function that died between a folder's own transaction and
 * its subtree's, as that one transaction written here), its outbox event reaches the bus through
 * the table's stream, and the template's rules deliver it to DmsEventsFunction and
 * TenancyEventsFunction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DmsFolderReactionsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalApiHarness harness;
  private Tenant acme;
  private String owner;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    acme = harness.createTenant("Acme Folders");
    owner = acme.ownerToken();
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("DmsEventsFunctionProjectDeleted")
  void aDeletedProjectLeavesItsFoldersWithoutAProject() {
    String project = harness.create("/v1/projects", owner, "{\"key\":\"FD\",\"name\":\"Folders of a project\"}");
    String folder = harness.create("/v1/folders", owner, "{\"name\":\"Project files\",\"project_id\":\"" + project
        + "\"}");

    harness.delete("/v1/projects/" + project, owner).expect(204);

    LocalApiHarness.eventually("the folder lost its deleted project", EVENTUALLY,
        () -> folder(folder).path("project_id").isNull());
    assertEquals("/Project files", folder(folder).path("path").asText());
  }

  @Test
  @ExercisesRules("DmsEventsFunctionFolderPathChanged")
  void aRenameWhoseSubtreeWasNeverWrittenIsFinishedFromItsEvent() {
    String a = harness.create("/v1/folders", owner, "{\"name\":\"Before crash\"}");
    String b = harness.create("/v1/folders", owner, "{\"name\":\"b\",\"parent_id\":\"" + a + "\"}");
    String c = harness.create("/v1/folders", owner, "{\"name\":\"c\",\"parent_id\":\"" + b + "\"}");

    // The rename's own transaction, as FolderService writes it, and then nothing: the subtree is stale.
    ObjectNode changes = JSON.createObjectNode();
    changes.putObject("path").put("old", "/Before crash").put("new", "/After crash");
    changes.putObject("name").put("old", "Before crash").put("new", "After crash");
    harness.dynamoDb().transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(table()).key(folderKey(a))
            .updateExpression("SET #name = :name, #path = :path, GSI1SK = :byName, GSI2SK = :byPath,"
                + " version = version + :one")
            .expressionAttributeNames(Map.of("#name", "name", "#path", "path"))
            .expressionAttributeValues(Map.of(":name", s("After crash"), ":path", s("/After crash"),
                ":byName", s("After crash#" + a), ":byPath", s("/After crash#0000"), ":one", AttributeValue.fromN("1"))))
            .build(),
        outbox("coditect.dms", "folder.updated", a, changes)));
    assertEquals("/Before crash/b/c", folder(c).path("path").asText());

    LocalApiHarness.eventually("the subtree follows the renamed folder", EVENTUALLY,
        () -> folder(c).path("path").asText().equals("/After crash/b/c"));
    assertEquals("/After crash/b", folder(b).path("path").asText());
  }

  @Test
  @ExercisesRules("DmsEventsFunctionFolderDeletedOrRestored")
  void aDeleteWhoseSubtreeWasNeverHiddenIsFinishedFromItsEvent() {
    String a = harness.create("/v1/folders", owner, "{\"name\":\"Half deleted\"}");
    String b = harness.create("/v1/folders", owner, "{\"name\":\"b\",\"parent_id\":\"" + a + "\"}");

    String now = "2026-12-03T12:00:00.000Z";
    ObjectNode changes = JSON.createObjectNode();
    changes.putObject("deleted_at").putNull("old").put("new", now);
    harness.dynamoDb().transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(table()).key(folderKey(a))
            .updateExpression("SET deleted_at = :now, version = version + :one REMOVE GSI1PK, GSI1SK")
            .expressionAttributeValues(Map.of(":now", s(now), ":one", AttributeValue.fromN("1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(table()).key(Map.of(
            // The name's sentinel, released by the delete (values are kept in lower case).
            "PK", s("T#" + acme.id() + "#UNIQUE#FOLDER_NAME#root/half deleted"), "SK", s("UNIQUE")))).build(),
        outbox("coditect.dms", "folder.deleted", a, changes)));
    harness.get("/v1/folders/" + b, owner).expect(200);

    LocalApiHarness.eventually("the deleted folder's subtree is hidden", EVENTUALLY,
        () -> harness.get("/v1/folders/" + b, owner).status() == 404);
    String version = harness.get("/v1/folders/" + a, owner).expect(200).headers().firstValue("ETag").orElseThrow();
    harness.patch("/v1/folders/" + a, owner, version, "{\"deleted_at\":null}").expect(200);
    harness.get("/v1/folders/" + b, owner).expect(200);
  }

  @Test
  @ExercisesRules("TenancyEventsFunctionStorageChanged")
  void theTenantShowsTheNewestStorageReportOnly() {
    assertEquals(0, tenant().path("storage_used_bytes").asLong(-1), "0 before any report");
    int delivered = harness.deliveries("TenancyEventsFunctionStorageChanged");

    report(1_234, 5);
    LocalApiHarness.eventually("the report reached the tenant", EVENTUALLY,
        () -> tenant().path("storage_used_bytes").asLong() == 1_234);

    report(999, 3);
    report(777, 5);
    LocalApiHarness.eventually("the late and the repeated report were delivered", EVENTUALLY,
        () -> harness.deliveries("TenancyEventsFunctionStorageChanged") >= delivered + 3);
    assertEquals(1_234, tenant().path("storage_used_bytes").asLong(), "older reports never win");

    report(2_000, 6);
    LocalApiHarness.eventually("a newer report wins", EVENTUALLY,
        () -> tenant().path("storage_used_bytes").asLong() == 2_000);
  }

  // ---------------------------------------------------------------- helpers

  private JsonNode folder(String id) {
    return harness.get("/v1/folders/" + id, owner).expect(200).json();
  }

  private JsonNode tenant() {
    return harness.get("/v1/tenant", owner).expect(200).json();
  }

  /** A storage.changed as the document function's outbox writes it. */
  private void report(long bytes, long sequence) {
    ObjectNode detail = JSON.createObjectNode();
    detail.put("storage_used_bytes", bytes).put("sequence", sequence);
    harness.dynamoDb().transactWriteItems(t -> t.transactItems(outbox("coditect.dms", "storage.changed",
        acme.id(), detail, JSON.createObjectNode())));
  }

  private TransactWriteItem outbox(String source, String action, String resourceId, ObjectNode changes) {
    return outbox(source, action, resourceId, JSON.createObjectNode(), changes);
  }

  /** An outbox item with the envelope every event has, {@code extra} fields beside it. */
  private TransactWriteItem outbox(String source, String action, String resourceId, ObjectNode extra,
      ObjectNode changes) {
    String eventId = UUID.randomUUID().toString();
    ObjectNode detail = JSON.createObjectNode();
    detail.put("event_id", eventId).put("tenant_id", acme.id()).put("source", source);
    detail.putObject("actor").put("user_id", acme.ownerId()).putNull("ip").putNull("user_agent");
    detail.putObject("request").putNull("method").putNull("path");
    detail.put("action", action).put("resource_type", action.substring(0, action.indexOf('.')))
        .put("resource_id", resourceId).set("changes", changes);
    detail.put("occurred_at", "2026-12-03T12:00:00.000Z");
    detail.setAll(extra);
    Map<String, AttributeValue> item = new HashMap<>(Map.of(
        "PK", s("T#" + acme.id() + "#OUTBOX#" + eventId), "SK", s("OUTBOX"), "entity_type", s("OUTBOX"),
        "event_id", s(eventId), "source", s(source), "detail_type", s(action), "detail", s(detail.toString())));
    return TransactWriteItem.builder().put(p -> p.tableName(table()).item(item)).build();
  }

  private Map<String, AttributeValue> folderKey(String folderId) {
    return Map.of("PK", s("T#" + acme.id() + "#FOLDER#" + folderId), "SK", s("FOLDER"));
  }

  private String table() {
    return harness.settings().tableName();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}

package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The folder routes as calls of one {@link DmsApi}, for the tests that drive folders. */
final class FolderCalls {

  private final DmsApi api;

  FolderCalls(DmsApi api) {
    this.api = api;
  }

  HandlerResponse create(Map<String, String> claims, String body) {
    return api.call(claimed(HttpEvents.route("POST /v1/folders"), claims).body(body).build());
  }

  /** A new folder (201) named {@code name} in {@code parentId} (null: at the top); its id. */
  String folder(Map<String, String> claims, String parentId, String name) {
    HandlerResponse created = create(claims, "{\"name\":\"" + name + "\""
        + (parentId == null ? "" : ",\"parent_id\":\"" + parentId + "\"") + "}");
    created.assertStatus(201);
    return created.text("id");
  }

  HandlerResponse get(Map<String, String> claims, String folderId) {
    return api.call(claimed(HttpEvents.route("GET /v1/folders/{folder_id}"), claims)
        .pathParam("folder_id", folderId).build());
  }

  HandlerResponse list(Map<String, String> claims, String... query) {
    HttpEvents.Builder event = claimed(HttpEvents.route("GET /v1/folders"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  HandlerResponse patch(Map<String, String> claims, String folderId, String ifMatch, String body) {
    HttpEvents.Builder event = claimed(HttpEvents.route("PATCH /v1/folders/{folder_id}"), claims)
        .pathParam("folder_id", folderId).body(body);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  HandlerResponse delete(Map<String, String> claims, String folderId, String ifMatch) {
    HttpEvents.Builder event = claimed(HttpEvents.route("DELETE /v1/folders/{folder_id}"), claims)
        .pathParam("folder_id", folderId);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  /** The folder's path as GET shows it (it must be shown). */
  String path(Map<String, String> claims, String folderId) {
    HandlerResponse read = get(claims, folderId);
    read.assertStatus(200);
    return read.text("path");
  }

  /** The stored folder item (consistent read), null when absent. */
  Map<String, AttributeValue> stored(String tenantId, String folderId) {
    Map<String, AttributeValue> item = api.env.dynamoDb().getItem(g -> g.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + tenantId + "#FOLDER#" + folderId),
            "SK", AttributeValue.fromS("FOLDER"))).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** The outbox events recorded about {@code resourceId}, oldest first. */
  List<JsonNode> events(String resourceId) {
    List<JsonNode> found = new ArrayList<>(api.env.outboxEvents().stream()
        .filter(e -> resourceId.equals(e.path("resource_id").asText())).toList());
    found.sort((a, b) -> a.path("event_id").asText().compareTo(b.path("event_id").asText()));
    return found;
  }

  /** The one event {@code action} about {@code resourceId}. */
  JsonNode onlyEvent(String resourceId, String action) {
    List<JsonNode> matching = events(resourceId).stream()
        .filter(event -> action.equals(event.path("action").asText())).toList();
    assertEquals(1, matching.size(), action + " events of " + resourceId + ": " + matching);
    return matching.get(0);
  }

  private static HttpEvents.Builder claimed(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}

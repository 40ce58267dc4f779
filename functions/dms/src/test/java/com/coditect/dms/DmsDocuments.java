package com.coditect.dms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.data.FolderItem;
import com.coditect.dms.data.FolderRepository;
import com.coditect.dms.data.Grant;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the document tests share: requests, uploads over real HTTP, seeded folders and a look at stored items. */
final class DmsDocuments {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> RESTRICTED = Set.of("content-length", "host");

  private final DmsApi api;

  DmsDocuments(DmsApi api) {
    this.api = api;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A create body for {@code bytes} with {@code extra} fields (name -> JSON value). */
  static String createBody(String title, String fileName, byte[] bytes, Map<String, Object> extra) {
    ObjectNode body = DmsApi.MAPPER.createObjectNode();
    body.put("title", title);
    body.put("file_name", fileName);
    body.put("mime_type", "text/plain");
    body.put("file_size_bytes", bytes.length);
    body.put("checksum", sha256Hex(bytes));
    extra.forEach((name, value) -> body.set(name, DmsApi.MAPPER.valueToTree(value)));
    return body.toString();
  }

  static String versionBody(String fileName, byte[] bytes, String summary) {
    ObjectNode body = DmsApi.MAPPER.createObjectNode();
    body.put("file_name", fileName);
    body.put("mime_type", "text/plain");
    body.put("file_size_bytes", bytes.length);
    body.put("checksum", sha256Hex(bytes));
    body.put("change_summary", summary);
    return body.toString();
  }

  HandlerResponse create(Map<String, String> claims, String body) {
    return api.call(with(HttpEvents.route("POST /v1/documents"), claims).body(body).build());
  }

  HandlerResponse create(Map<String, String> claims, String body, String idempotencyKey) {
    return api.call(with(HttpEvents.route("POST /v1/documents"), claims).header("Idempotency-Key", idempotencyKey)
        .body(body).build());
  }

  HandlerResponse get(Map<String, String> claims, String documentId) {
    return api.call(with(HttpEvents.route("GET /v1/documents/{document_id}").pathParam("document_id", documentId),
        claims).build());
  }

  HandlerResponse list(Map<String, String> claims, String... query) {
    HttpEvents.Builder event = with(HttpEvents.route("GET /v1/documents"), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  HandlerResponse patch(Map<String, String> claims, String documentId, String ifMatch, String body) {
    HttpEvents.Builder event = with(HttpEvents.route("PATCH /v1/documents/{document_id}")
        .pathParam("document_id", documentId), claims).body(body);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  HandlerResponse delete(Map<String, String> claims, String documentId, String ifMatch) {
    HttpEvents.Builder event = with(HttpEvents.route("DELETE /v1/documents/{document_id}")
        .pathParam("document_id", documentId), claims);
    return api.call((ifMatch == null ? event : event.header("If-Match", ifMatch)).build());
  }

  HandlerResponse restore(Map<String, String> claims, String documentId) {
    return api.call(with(HttpEvents.route("POST /v1/documents/{document_id}/restore")
        .pathParam("document_id", documentId), claims).build());
  }

  HandlerResponse versions(Map<String, String> claims, String documentId) {
    return api.call(with(HttpEvents.route("GET /v1/documents/{document_id}/versions")
        .pathParam("document_id", documentId), claims).build());
  }

  HandlerResponse startVersion(Map<String, String> claims, String documentId, String body) {
    return api.call(with(HttpEvents.route("POST /v1/documents/{document_id}/versions")
        .pathParam("document_id", documentId), claims).body(body).build());
  }

  HandlerResponse complete(Map<String, String> claims, String documentId, String versionNumber, String body) {
    HttpEvents.Builder event = with(HttpEvents.route("POST /v1/documents/{document_id}/versions/{version_number}/complete")
        .pathParam("document_id", documentId).pathParam("version_number", versionNumber), claims);
    return api.call((body == null ? event : event.body(body)).build());
  }

  HandlerResponse content(Map<String, String> claims, String documentId, String version) {
    HttpEvents.Builder event = with(HttpEvents.route("GET /v1/documents/{document_id}/content")
        .pathParam("document_id", documentId), claims);
    return api.call((version == null ? event : event.query("version", version)).build());
  }

  private static HttpEvents.Builder with(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }

  /** Sends {@code bytes} as the answer's single PUT says, with exactly its headers; returns the HTTP status. */
  static int put(JsonNode upload, byte[] bytes) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    upload.path("headers").properties().forEach(header -> {
      if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
        request.header(header.getKey(), header.getValue().asText());
      }
    });
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Sends one part to its presigned URL with its SHA-256; returns the part's ETag. */
  static String putPart(String url, byte[] part) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("x-amz-checksum-sha256", java.util.Base64.getEncoder().encodeToString(
            HexFormat.of().parseHex(sha256Hex(part))))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build();
    HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
    assertEquals(200, response.statusCode());
    return response.headers().firstValue("ETag").orElseThrow();
  }

  /** Follows a 302 as a browser would: the bytes at Location. */
  static HttpResponse<byte[]> follow(HandlerResponse redirect) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A document with version 1 holding {@code bytes}: create, PUT, complete. Returns the complete's answer. */
  HandlerResponse uploaded(Map<String, String> claims, String title, byte[] bytes, Map<String, Object> extra)
      throws Exception {
    HandlerResponse created = create(claims, createBody(title, title + ".txt", bytes, extra));
    created.assertStatus(201);
    if (!created.json().path("upload_required").asBoolean()) {
      return created;
    }
    assertEquals(200, put(created.json().path("upload"), bytes));
    HandlerResponse completed = complete(claims, created.text("id"), "1", "{}");
    completed.assertStatus(200);
    return completed;
  }

  /** A live folder at the top written as the folder routes write one, with grants made on it to users. */
  String seedFolder(SeededTenant tenant, String name, Map<String, PermissionLevel> userGrants) {
    TenantId id = new TenantId(tenant.id());
    String folderId = Ids.newId();
    List<Grant> grants = new ArrayList<>();
    userGrants.forEach((user, level) -> grants.add(new Grant(Ids.newId(), level, null, folderId, user, null, null)));
    FolderItem folder = FolderRepository.indexed(id, FolderItem.builder()
        .meta(FolderRepository.newMeta(id, folderId, "2026-01-01T00:00:00.000Z"))
        .id(folderId).name(name).path("/" + name).ancestorIds(List.of()).createdBy(tenant.ownerId())
        .grants(grants).build());
    DynamoDbEnhancedClient.builder().dynamoDbClient(api.env.dynamoDb()).build()
        .table(api.env.tableName(), FolderItem.SCHEMA).putItem(folder);
    return folderId;
  }

  /** The raw item at {@code pk}/{@code sk}, or null. */
  Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = api.env.dynamoDb().getItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  /** The document's activity actions, oldest first. */
  List<String> activity(SeededTenant tenant, String documentId) {
    return activityRows(tenant, documentId).stream().map(item -> item.get("action").s()).toList();
  }

  /** The document's activity rows as stored, oldest first. */
  List<Map<String, AttributeValue>> activityRows(SeededTenant tenant, String documentId) {
    return api.env.dynamoDb().query(b -> b.tableName(api.env.tableName())
        .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(
                DmsKeys.documentPartition(new TenantId(tenant.id()), documentId)),
            ":sk", AttributeValue.fromS(DmsKeys.ACTIVITY + "#")))).items();
  }

  /** The outbox events of {@code action} about {@code resourceId} (a test-only scan). */
  List<JsonNode> events(String action, String resourceId) {
    return api.env.outboxEvents().stream().filter(e -> action.equals(e.path("action").asText()))
        .filter(e -> resourceId.equals(e.path("resource_id").asText())).toList();
  }
}

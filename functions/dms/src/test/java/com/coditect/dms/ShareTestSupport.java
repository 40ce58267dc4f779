package com.coditect.dms;

import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Requests and reads the share and activity tests have in common. */
final class ShareTestSupport {

  private final DmsApi api;

  ShareTestSupport(DmsApi api) {
    this.api = api;
  }

  HandlerResponse create(Map<String, String> claims, String documentId, String body) {
    return api.call(HttpEvents.route("POST /v1/documents/{document_id}/shares").claims(orNone(claims))
        .pathParam("document_id", documentId).header("Host", "api.example.test").body(body).build());
  }

  HandlerResponse list(Map<String, String> claims, String documentId, String... query) {
    var request = HttpEvents.route("GET /v1/documents/{document_id}/shares").claims(orNone(claims))
        .pathParam("document_id", documentId);
    for (int i = 0; i < query.length; i += 2) {
      request.query(query[i], query[i + 1]);
    }
    return api.call(request.build());
  }

  HandlerResponse patch(Map<String, String> claims, String shareId, String ifMatch, String body) {
    var request = HttpEvents.route("PATCH /v1/shares/{share_id}").claims(orNone(claims)).pathParam("share_id", shareId)
        .body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return api.call(request.build());
  }

  HandlerResponse revoke(Map<String, String> claims, String shareId, String ifMatch) {
    var request = HttpEvents.route("DELETE /v1/shares/{share_id}").claims(orNone(claims)).pathParam("share_id", shareId);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return api.call(request.build());
  }

  HandlerResponse describe(String token) {
    return api.call(HttpEvents.route("GET /v1/public/shares/{token}").pathParam("token", token).build());
  }

  HandlerResponse access(String token, String body) {
    var request = HttpEvents.route("POST /v1/public/shares/{token}/access").pathParam("token", token)
        .sourceIp("203.0.113.7").userAgent("Mozilla/5.0 (share test)");
    if (body != null) {
      request.body(body);
    }
    return api.call(request.build());
  }

  HandlerResponse activity(Map<String, String> claims, String documentId, String... query) {
    var request = HttpEvents.route("GET /v1/documents/{document_id}/activity").claims(orNone(claims))
        .pathParam("document_id", documentId);
    for (int i = 0; i < query.length; i += 2) {
      request.query(query[i], query[i + 1]);
    }
    return api.call(request.build());
  }

  /** No claims: the event of a request without a token. */
  private static Map<String, String> orNone(Map<String, String> claims) {
    return claims == null ? Map.of() : claims;
  }

  /** A new link's token, made by {@code claims} with {@code body}; fails unless it was created. */
  String token(Map<String, String> claims, String documentId, String body) {
    HandlerResponse created = create(claims, documentId, body);
    created.assertStatus(201);
    return created.text("token");
  }

  /** The outbox events of {@code action} about {@code resourceId}, oldest first. */
  List<JsonNode> events(String action, String resourceId) {
    List<JsonNode> found = new ArrayList<>(api.env.outboxEvents().stream()
        .filter(e -> action.equals(e.path("action").asText()))
        .filter(e -> resourceId.equals(e.path("resource_id").asText())).toList());
    found.sort((a, b) -> a.path("occurred_at").asText().compareTo(b.path("occurred_at").asText()));
    return found;
  }

  /** Every attribute value of every item in the table, as text: to prove a secret is stored nowhere. */
  String everythingStored() {
    StringBuilder all = new StringBuilder();
    api.env.dynamoDb().scanPaginator(b -> b.tableName(api.env.tableName())).items()
        .forEach(item -> all.append(item).append('\n'));
    return all.toString();
  }

  /** Sets attributes of a stored share directly, e.g. an expiry already past. */
  void setShareAttribute(String tenantId, String shareId, String name, AttributeValue value) {
    api.env.dynamoDb().updateItem(b -> b.tableName(api.env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#" + tenantId + "#SHARE#" + shareId), "SK", AttributeValue.fromS("SHARE")))
        .updateExpression("SET #name = :value")
        .expressionAttributeNames(Map.of("#name", name))
        .expressionAttributeValues(Map.of(":value", value)));
  }
}

package com.coditect.audit.api;

import com.coditect.audit.data.AuditEntryItem;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One audit log entry as the API shows it (spec Domain 4.1), with its place in the chain: {@code seq},
 * {@code prev_hash} and {@code hash}. Pseudonyms stay internal; the raw ip and user agent are shown
 * until erased.
 */
public record AuditEntryResponse(
    String id, long seq, String userId, String action, String resourceType, String resourceId, String ipAddress,
    String userAgent, String requestMethod, String requestPath, JsonNode changes, JsonNode metadata,
    String severity, String createdAt, String prevHash, String hash) {

  public static AuditEntryResponse of(AuditEntryItem item) {
    return new AuditEntryResponse(item.id(), item.seq(), item.userId(), item.action(), item.resourceType(),
        item.resourceId(), item.ipAddress(), item.userAgent(), item.requestMethod(), item.requestPath(),
        object(item.changes()), object(item.metadata()), item.severity() == null ? null : item.severity().apiName(),
        item.createdAt(), item.prevHash(), item.hash());
  }

  private static JsonNode object(String json) {
    return json == null ? JsonNodeFactory.instance.objectNode() : Json.readTree(json);
  }
}

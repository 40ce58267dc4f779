package com.coditect.bench;

import com.coditect.dms.DmsHandler;
import com.coditect.shared.json.Json;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One representative request per DMS route (template.yaml's DmsFunction), in an order where each
 * finds what it needs, counting the DynamoDB calls and write units of each. The tenant, its owner
 * (who sends every request) and the member the grants name come from tenancy's own routes.
 *
 * <p>Where a route has a cheaper and a dearer form, the dearer one is sent: creates carry an
 * {@code Idempotency-Key} and writes an {@code If-Match} where the route takes one; the document is
 * created in a folder with tags, and its bytes are PUT to the presigned URL over HTTP so that the
 * completes find them; the version measured is the second (the document already has a current
 * file); the share link has an access limit, so its public access counts one; the list carries a
 * filter and finds something. S3 calls (HeadObject of the complete, the content's presigning) are
 * not counted.
 */
final class DmsRoutePlan {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final byte[] FIRST = "make bench document, version 1.\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECOND = "make bench document, version 2.\n".getBytes(StandardCharsets.UTF_8);

  private final RouteCalls calls;
  private final HttpClient http = HttpClient.newHttpClient();

  DmsRoutePlan(DmsHandler handler, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    this.calls = new RouteCalls(handler, counter, meter);
  }

  /** A top-level folder made through the route (not counted), e.g. the one the cold-start driver reads. */
  String createFolder(Map<String, String> claims, String name) {
    return calls.prepare("POST /v1/folders", event -> event.claims(claims)
        .body(body().put("name", name).toString())).text("id");
  }

  /** Sends one request per DMS route as the tenant's owner and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant, String memberId) {
    calls.clear();
    Map<String, String> owner = tenant.owner();

    String folderId = call("POST /v1/folders", event -> event.claims(owner).header("Idempotency-Key", key())
        .body(body().put("name", "Bench Contracts").put("description", "Measured by make bench").toString()))
        .text("id");
    call("GET /v1/folders", event -> event.claims(owner));
    Reply folder = call("GET /v1/folders/{folder_id}", event -> event.claims(owner).pathParam("folder_id", folderId));
    call("PATCH /v1/folders/{folder_id}", event -> event.claims(owner).pathParam("folder_id", folderId)
        .header("If-Match", folder.etag()).body(body().put("name", "Bench Contracts, renamed").toString()));

    ObjectNode create = file(body().put("title", "Bench document").put("folder_id", folderId), "bench.txt", FIRST);
    create.putArray("tags").add("bench").add("performance");
    Reply created = call("POST /v1/documents", event -> event.claims(owner).header("Idempotency-Key", key())
        .body(create.toString()));
    String documentId = created.text("id");
    upload(created.json().path("upload"), FIRST);
    calls.prepare("POST /v1/documents/{document_id}/versions/{version_number}/complete", event -> event
        .claims(owner).pathParam("document_id", documentId).pathParam("version_number", "1").body("{}"));

    call("GET /v1/documents", event -> event.claims(owner).query("folder_id", folderId));
    Reply document = call("GET /v1/documents/{document_id}", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    call("PATCH /v1/documents/{document_id}", event -> event.claims(owner).pathParam("document_id", documentId)
        .header("If-Match", document.etag()).body(body().put("description", "Edited by make bench").toString()));

    Reply version = call("POST /v1/documents/{document_id}/versions", event -> event.claims(owner)
        .pathParam("document_id", documentId)
        .body(file(body(), "bench-v2.txt", SECOND).put("change_summary", "Second version").toString()));
    upload(version.json().path("upload"), SECOND);
    call("POST /v1/documents/{document_id}/versions/{version_number}/complete", event -> event.claims(owner)
        .pathParam("document_id", documentId).pathParam("version_number", "2").body("{}"));
    call("GET /v1/documents/{document_id}/versions", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    call("GET /v1/documents/{document_id}/content", event -> event.claims(owner)
        .pathParam("document_id", documentId));

    Reply documentGrant = call("POST /v1/documents/{document_id}/permissions", event -> event.claims(owner)
        .pathParam("document_id", documentId).header("Idempotency-Key", key())
        .body(body().put("user_id", memberId).put("permission_level", "edit").toString()));
    call("GET /v1/documents/{document_id}/permissions", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    call("POST /v1/folders/{folder_id}/permissions", event -> event.claims(owner).pathParam("folder_id", folderId)
        .header("Idempotency-Key", key()).body(body().put("user_id", memberId).put("permission_level", "view").toString()));
    call("GET /v1/folders/{folder_id}/permissions", event -> event.claims(owner).pathParam("folder_id", folderId));
    call("GET /v1/documents/{document_id}/effective-permission", event -> event.claims(owner)
        .pathParam("document_id", documentId).query("user_id", memberId));
    call("DELETE /v1/permissions/{permission_id}", event -> ifMatch(event.claims(owner)
        .pathParam("permission_id", documentGrant.text("id")), documentGrant));
    call("GET /v1/documents/{document_id}/activity", event -> event.claims(owner)
        .pathParam("document_id", documentId));

    Reply share = call("POST /v1/documents/{document_id}/shares", event -> event.claims(owner)
        .pathParam("document_id", documentId)
        .body(body().put("permission_level", "download").put("max_access_count", 10).toString()));
    String shareId = share.text("id");
    String token = share.text("token");
    call("GET /v1/documents/{document_id}/shares", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    call("PATCH /v1/shares/{share_id}", event -> event.claims(owner)
        .pathParam("share_id", shareId).header("If-Match", share.etag())
        .body(body().put("max_access_count", 20).toString()));
    // The public routes have no claims: whoever holds the link.
    call("GET /v1/public/shares/{token}", event -> event.pathParam("token", token));
    call("POST /v1/public/shares/{token}/access", event -> event.pathParam("token", token)
        .sourceIp("203.0.113.7").userAgent("Mozilla/5.0 (make bench)").body("{}"));
    call("GET /share/{token}", event -> event.pathParam("token", token).header("Accept", "text/html"));
    // Without If-Match: the access above counted on the link, which moved its version, and no route
    // the owner has answers the link with its new ETag (a PATCH needs the old one to get it).
    call("DELETE /v1/shares/{share_id}", event -> event.claims(owner).pathParam("share_id", shareId));

    // The document's ETag moved with the new version and every grant: read it afresh (not counted).
    Reply current = calls.prepare("GET /v1/documents/{document_id}", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    call("DELETE /v1/documents/{document_id}", event -> event.claims(owner).pathParam("document_id", documentId)
        .header("If-Match", current.etag()));
    call("POST /v1/documents/{document_id}/restore", event -> event.claims(owner)
        .pathParam("document_id", documentId));
    Reply folderNow = calls.prepare("GET /v1/folders/{folder_id}", event -> event.claims(owner)
        .pathParam("folder_id", folderId));
    call("DELETE /v1/folders/{folder_id}", event -> event.claims(owner).pathParam("folder_id", folderId)
        .header("If-Match", folderNow.etag()));
    return calls.counts();
  }

  /** {@code event} with If-Match of the reply's ETag where it has one (a grant is never changed, only revoked). */
  private static HttpEvents.Builder ifMatch(HttpEvents.Builder event, Reply reply) {
    String etag = reply.headers().get("ETag");
    return etag == null ? event : event.header("If-Match", etag);
  }

  /** {@code node} with the announced file of {@code bytes}: name, type, size and SHA-256. */
  private static ObjectNode file(ObjectNode node, String fileName, byte[] bytes) {
    return node.put("file_name", fileName).put("mime_type", "text/plain").put("file_size_bytes", bytes.length)
        .put("checksum", HexFormat.of().formatHex(sha256(bytes)));
  }

  /** A measured request: its DynamoDB calls become a row of the table. */
  private Reply call(String routeKey, UnaryOperator<HttpEvents.Builder> shape) {
    return calls.measure(routeKey, shape);
  }

  /**
   * PUTs {@code bytes} to the presigned URL with exactly the headers the answer lists (the signature
   * covers size and SHA-256); Content-Length and Host are the HTTP client's, which refuses them.
   */
  private void upload(JsonNode upload, byte[] bytes) {
    if (upload.isMissingNode() || upload.isNull()) {
      throw new IllegalStateException("the document answer has no single-PUT upload: " + upload);
    }
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    upload.path("headers").properties().forEach(header -> {
      if (!header.getKey().equalsIgnoreCase("Content-Length") && !header.getKey().equalsIgnoreCase("Host")) {
        put.header(header.getKey(), header.getValue().asText());
      }
    });
    try {
      HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the document upload answered " + response.statusCode() + ": "
            + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("the document upload failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the document upload", e);
    }
  }

  private static ObjectNode body() {
    return MAPPER.createObjectNode();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package com.coditect.dms;

import static com.coditect.dms.DmsDocuments.createBody;
import static com.coditect.dms.DmsDocuments.sha256Hex;
import static com.coditect.testing.ListAsserts.unprocessable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.dms.data.DmsKeys;
import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The document routes on moto: upload through the presigned PUT over real HTTP, complete, download,
 * read, change, delete and restore, lists and their access, with each route's DynamoDB calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentRoutesIT {

  private DmsApi api;
  private DmsDocuments docs;
  private S3Client s3;
  private SeededTenant acme;
  private SeededTenant globex;
  private String otherMember;

  @BeforeAll
  void start() {
    api = new DmsApi("documents");
    docs = new DmsDocuments(api);
    s3 = AwsTestEnvironment.documentsBucket();
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("OPS");
    otherMember = api.env.seedUser(acme.id(), "member");
  }

  @AfterAll
  void stop() {
    s3.close();
    api.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, String> otherMemberClaims() {
    return HttpEvents.claims(otherMember, acme.id(), "member");
  }

  @Test
  void uploadsThroughThePresignedPutCompletesAndDownloadsTheSameBytes() throws Exception {
    byte[] file = bytes("Master services agreement, signed " + System.nanoTime());
    HandlerResponse created = docs.create(acme.member(), createBody("MSA", "../msa ü.txt".replace("../", ""), file,
        Map.of("project_id", acme.projectId(), "tags", List.of("Legal", "msa"), "metadata", Map.of("k", 1))));
    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/documents/" + id, created.header("Location"));
    assertEquals(0, created.json().path("current_version").asLong());
    assertEquals(1, created.json().path("version_number").asLong());
    assertTrue(created.json().path("upload_required").asBoolean());
    assertFalse(created.json().path("deduplicated").asBoolean());
    assertEquals("draft", created.text("status"));
    assertEquals(List.of("legal", "msa"), List.of(created.json().path("tags").get(0).asText(),
        created.json().path("tags").get(1).asText()));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), created.dynamoCalls());
    JsonNode upload = created.json().path("upload");
    assertEquals("PUT", upload.path("method").asText());
    String url = upload.path("url").asText();
    assertTrue(url.contains("/tenants/" + acme.id() + "/dms/staging/" + upload.path("upload_id").asText() + "?"), url);
    assertFalse(url.contains("msa"), "the name is never part of a key: " + url);
    assertTrue(url.contains("x-amz-checksum-sha256") && url.contains("x-amz-tagging") && url.contains("content-length"),
        "the signature covers size, SHA-256 and the staging tag: " + url);

    assertEquals(200, DmsDocuments.put(upload, file));
    HandlerResponse completed = docs.complete(acme.member(), id, "1", "{}");
    completed.assertStatus(200);
    assertEquals(1, completed.json().path("current_version").asLong());
    assertEquals(sha256Hex(file), completed.text("checksum"));
    assertEquals(file.length, completed.json().path("file_size_bytes").asLong());
    assertEquals("tenants/" + acme.id() + "/dms/content/" + sha256Hex(file), completed.text("file_path"));
    assertEquals("\"2\"", completed.header("ETag"));
    // document + pending + version + usage + teams; then the content item; one transaction.
    assertEquals(List.of("BatchGetItem", "GetItem", "TransactWriteItems"), completed.dynamoCalls());
    assertNull(docs.item("T#" + acme.id() + "#DOC#" + id, "UPLOAD#0000000001"), "the pending upload is gone");

    HandlerResponse again = docs.complete(acme.member(), id, "1", "{}");
    again.assertStatus(200);
    assertEquals(completed.raw(), again.raw(), "a second complete answers the same document");

    assertEquals(404, docs.content(acme.viewer(), id, null).status(), "a viewer without a grant may not see it");
    HandlerResponse download = docs.content(acme.member(), id, null);
    download.assertStatus(302);
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), download.dynamoCalls());
    HttpResponse<byte[]> fetched = DmsDocuments.follow(download);
    assertEquals(200, fetched.statusCode());
    assertEquals(sha256Hex(file), sha256Hex(fetched.body()), "the downloaded bytes match their SHA-256");

    assertEquals(List.of("uploaded", "downloaded"), docs.activity(acme, id));
    var row = docs.activityRows(acme, id).get(1);
    assertEquals(acme.memberId(), row.get("user_id").s());
    assertEquals(HttpEvents.SOURCE_IP, row.get("ip_address").s());
    assertEquals(HttpEvents.USER_AGENT, row.get("user_agent").s());
    assertEquals(1, docs.events("document.created", id).size());
    assertEquals(1, docs.events("document.version_created", id).size());
    JsonNode downloaded = docs.events("document.downloaded", id).get(0);
    assertEquals(acme.memberId(), downloaded.path("actor").path("user_id").asText());
    assertEquals(HttpEvents.SOURCE_IP, downloaded.path("actor").path("ip").asText());
  }

  @Test
  void theSameBytesAreStoredOnceAndCountedOnce() throws Exception {
    SeededTenant tenant = api.env.seedTenant("DUP");
    byte[] file = bytes("the same bytes twice " + System.nanoTime());
    docs.uploaded(tenant.member(), "first", file, Map.of());
    HandlerResponse second = docs.create(tenant.admin(), createBody("second", "copy.txt", file, Map.of()));
    second.assertStatus(201);
    assertFalse(second.json().path("upload_required").asBoolean());
    assertTrue(second.json().path("deduplicated").asBoolean());
    assertFalse(second.json().has("upload"));
    assertEquals(1, second.json().path("current_version").asLong());
    assertEquals(sha256Hex(file), second.text("checksum"));

    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> usage =
        docs.item("T#" + tenant.id() + "#DMS_USAGE", "USAGE");
    assertEquals(String.valueOf(file.length), usage.get("storage_used_bytes").n(), "counted once");
    assertEquals("2", docs.item("T#" + tenant.id() + "#CONTENT#" + sha256Hex(file), "CONTENT")
        .get("reference_count").n());
    List<String> objects = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).prefix("tenants/" + tenant.id() + "/"))
        .contents().forEach(o -> objects.add(o.key()));
    assertEquals(List.of("tenants/" + tenant.id() + "/dms/content/" + sha256Hex(file)), objects,
        "one content object, and the staged bytes are gone");
    JsonNode storage = docs.events("storage.changed", tenant.id()).get(0);
    assertEquals(file.length, storage.path("storage_used_bytes").asLong());
    assertEquals(1, storage.path("sequence").asLong());

    HandlerResponse duplicates = docs.list(tenant.viewer(), "checksum", sha256Hex(file));
    duplicates.assertStatus(200);
    assertEquals(List.of(), ids(duplicates), "a viewer without grants sees none");
    HandlerResponse both = docs.list(tenant.owner(), "checksum", sha256Hex(file));
    assertEquals(2, ids(both).size());
    assertEquals(List.of("Query", "BatchGetItem"), both.dynamoCalls());
  }

  @Test
  void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
    String body = createBody("once", "once.txt", bytes("once " + System.nanoTime()), Map.of());
    String key = java.util.UUID.randomUUID().toString();
    HandlerResponse first = docs.create(acme.member(), body, key);
    first.assertStatus(201);
    HandlerResponse again = docs.create(acme.member(), body, key);
    again.assertStatus(201);
    assertEquals(first.text("id"), again.text("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(List.of("GetItem"), again.dynamoCalls());
    assertEquals(422, docs.create(acme.member(), body.replace("once.txt", "twice.txt"), key).status(),
        "the same key with another body");
  }

  @Test
  void createRejectsBadInputNamingTheField() {
    byte[] file = bytes("x");
    assertEquals(List.of("title"), bad(docs.create(acme.member(), createBody("t".repeat(501), "a.txt", file, Map.of()))));
    assertEquals(List.of("file_name"), bad(docs.create(acme.member(), createBody("t", "../a.txt", file, Map.of()))));
    assertEquals(List.of("file_name"), bad(docs.create(acme.member(), createBody("t", "n".repeat(256), file, Map.of()))));
    String upper = createBody("t", "a.txt", file, Map.of()).replace(sha256Hex(file), sha256Hex(file).toUpperCase());
    assertEquals(List.of("checksum"), bad(docs.create(acme.member(), upper)));
    assertEquals(List.of("file_size_bytes"), bad(docs.create(acme.member(),
        createBody("t", "a.txt", file, Map.of()).replace("\"file_size_bytes\":1", "\"file_size_bytes\":0"))));
    assertEquals(List.of("status"), unprocessable(docs.create(acme.member(), createBody("t", "a.txt", file,
        Map.of("status", "deleted")))));
    assertEquals(401, docs.create(null, createBody("t", "a.txt", file, Map.of())).status());
    assertEquals(403, docs.create(acme.viewer(), createBody("t", "a.txt", file, Map.of())).status());
    HandlerResponse noFolder = docs.create(acme.member(), createBody("t", "a.txt", file,
        Map.of("folder_id", docs.seedFolder(globex, "theirs", Map.of()))));
    noFolder.assertStatus(404);
    assertEquals(List.of("folder_id"), noFolder.errorFields());
    HandlerResponse noProject = docs.create(acme.member(), createBody("t", "a.txt", file,
        Map.of("project_id", globex.projectId())));
    noProject.assertStatus(404);
    assertEquals(List.of("project_id"), noProject.errorFields());
  }

  @Test
  void accessComesFromTheDocumentTheFolderAndTheCallersRole() throws Exception {
    String folder = docs.seedFolder(acme, "Contracts", Map.of(otherMember, PermissionLevel.VIEW));
    String open = docs.seedFolder(acme, "Open", Map.of(acme.memberId(), PermissionLevel.EDIT));
    // The member has edit on "Open" only: putting a document into "Contracts" is refused.
    assertEquals(403, docs.create(acme.member(), createBody("t", "a.txt", bytes("a"), Map.of("folder_id", folder)))
        .status());
    String id = docs.uploaded(acme.member(), "in open", bytes("in open " + System.nanoTime()),
        Map.of("folder_id", open)).text("id");
    String inContracts = docs.uploaded(acme.admin(), "contract", bytes("contract " + System.nanoTime()),
        Map.of("folder_id", folder)).text("id");

    // The other member has view on Contracts through the folder grant, nothing on Open.
    assertEquals(404, docs.get(otherMemberClaims(), id).status(), "no view: as if it did not exist");
    HandlerResponse seen = docs.get(otherMemberClaims(), inContracts);
    seen.assertStatus(200);
    assertEquals(List.of("BatchGetItem", "GetItem", "TransactWriteItems"), seen.dynamoCalls());
    assertEquals(403, docs.patch(otherMemberClaims(), inContracts, null, "{\"title\":\"x\"}").status(),
        "view but not edit: 403");
    HandlerResponse asOwner = docs.get(acme.owner(), inContracts);
    assertEquals(List.of("GetItem", "TransactWriteItems"), asOwner.dynamoCalls(), "the role decides: one read");
    assertEquals(List.of("viewed", "viewed"),
        docs.activity(acme, inContracts).subList(1, 3));

    HandlerResponse inFolder = docs.list(otherMemberClaims(), "folder_id", folder);
    assertEquals(List.of(inContracts), ids(inFolder));
    assertEquals(List.of("Query", "BatchGetItem"), inFolder.dynamoCalls());
    assertEquals(List.of(), ids(docs.list(otherMemberClaims(), "folder_id", open)));
    assertEquals(List.of(id), ids(docs.list(acme.member(), "folder_id", open)));
    assertEquals(404, docs.get(globex.owner(), id).status(), "another tenant's id");
    assertEquals(401, docs.get(null, id).status());
    assertEquals(400, docs.get(acme.owner(), "not-a-uuid").status());
  }

  @Test
  void patchChangesFieldsMovesStatusLegallyAndHonoursIfMatch() throws Exception {
    String id = docs.uploaded(acme.member(), "draft doc", bytes("patch me " + System.nanoTime()),
        Map.of("tags", List.of("one"))).text("id");
    String etag = docs.get(acme.member(), id).header("ETag");
    HandlerResponse published = docs.patch(acme.member(), id, etag,
        "{\"status\":\"published\",\"tags\":[\"two\"],\"description\":\"d\"}");
    published.assertStatus(200);
    assertEquals("published", published.text("status"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), published.dynamoCalls());
    assertEquals(List.of(id), ids(docs.list(acme.member(), "tag", "two")));
    assertEquals(List.of(), ids(docs.list(acme.member(), "tag", "one")), "the old tag's row is gone");
    assertTrue(ids(docs.list(acme.member(), "status", "published")).contains(id));

    assertEquals(412, docs.patch(acme.member(), id, etag, "{\"title\":\"stale\"}").status());
    HandlerResponse illegal = docs.patch(acme.member(), id, null, "{\"status\":\"draft\"}");
    illegal.assertStatus(422);
    assertEquals(List.of("status"), illegal.errorFields());
    assertEquals(List.of("title"), bad(docs.patch(acme.member(), id, null, "{\"title\":\"" + "t".repeat(501) + "\"}")));
    assertEquals(List.of("checksum"), bad(docs.patch(acme.member(), id, null, "{\"checksum\":\"" + "a".repeat(64)
        + "\"}")));
    assertEquals(403, docs.patch(acme.viewer(), id, null, "{\"title\":\"x\"}").status());
    assertEquals(404, docs.patch(globex.owner(), id, null, "{\"title\":\"x\"}").status());
    assertEquals(401, docs.patch(null, id, null, "{\"title\":\"x\"}").status());
    HandlerResponse archived = docs.patch(acme.member(), id, null, "{\"status\":\"archived\"}");
    assertEquals("archived", archived.text("status"));

    String locked = docs.seedFolder(acme, "Locked", Map.of());
    assertEquals(403, docs.patch(acme.member(), id, null, "{\"folder_id\":\"" + locked + "\"}").status(),
        "moving into a folder needs edit on it");
    String folder = docs.seedFolder(acme, "Moved here", Map.of(acme.memberId(), PermissionLevel.EDIT));
    HandlerResponse moved = docs.patch(acme.member(), id, null, "{\"folder_id\":\"" + folder + "\"}");
    moved.assertStatus(200);
    assertEquals(List.of(id), ids(docs.list(acme.owner(), "folder_id", folder)));
    assertFalse(ids(docs.list(acme.owner(), "folder_id", "root")).contains(id), "the root row moved with it");
    assertTrue(docs.activity(acme, id).contains("edited"));
  }

  @Test
  void softDeleteHidesAndRestoreBringsBackTheStatus() throws Exception {
    String id = docs.uploaded(acme.member(), "to delete", bytes("delete me " + System.nanoTime()), Map.of())
        .text("id");
    docs.patch(acme.member(), id, null, "{\"status\":\"published\"}").assertStatus(200);
    assertEquals(404, docs.delete(otherMemberClaims(), id, null).status(), "no view: 404, never 403");
    assertEquals(412, docs.delete(acme.member(), id, "\"1\"").status());
    HandlerResponse deleted = docs.delete(acme.member(), id, null);
    deleted.assertStatus(204);
    assertEquals(404, docs.get(acme.member(), id).status());
    assertFalse(ids(docs.list(acme.owner())).contains(id));
    assertTrue(ids(docs.list(acme.owner(), "status", "deleted")).contains(id));
    HandlerResponse restored = docs.restore(acme.member(), id);
    restored.assertStatus(200);
    assertEquals("published", restored.text("status"));
    assertFalse(restored.json().has("deleted_at"));
    assertTrue(ids(docs.list(acme.owner())).contains(id));
    assertFalse(ids(docs.list(acme.owner(), "status", "deleted")).contains(id));
    assertEquals(409, docs.restore(acme.member(), id).status());
    assertEquals(403, docs.restore(acme.viewer(), id).status());
    assertEquals(List.of("uploaded", "edited", "deleted", "restored"), docs.activity(acme, id));
    assertEquals(1, docs.events("document.deleted", id).size());
    assertEquals(1, docs.events("document.restored", id).size());
  }

  @Test
  void listsRejectBadFilters() {
    assertEquals(List.of("checksum"), bad(docs.list(acme.owner(), "checksum", "ABC")));
    assertEquals(List.of("folder_id"), bad(docs.list(acme.owner(), "folder_id", "nope")));
    assertEquals(List.of("status"), bad(docs.list(acme.owner(), "status", "gone")));
    assertEquals(List.of("limit"), bad(docs.list(acme.owner(), "limit", "0")));
    assertEquals(401, docs.list(null).status());
  }

  static List<String> ids(HandlerResponse list) {
    list.assertStatus(200);
    List<String> ids = new ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  static List<String> bad(HandlerResponse response) {
    response.assertStatus(400);
    return response.errorFields();
  }

  static TenantId tenant(SeededTenant tenant) {
    return new TenantId(tenant.id());
  }

  static String documentPartition(SeededTenant tenant, String id) {
    return DmsKeys.documentPartition(tenant(tenant), id);
  }

  static void assertPresent(Object value) {
    assertNotNull(value);
  }
}

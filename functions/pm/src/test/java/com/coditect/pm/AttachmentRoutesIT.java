package com.coditect.pm;

import static com.coditect.pm.CommentRoutesIT.activityRows;
import static com.coditect.pm.CommentRoutesIT.deleteTask;
import static com.coditect.pm.CommentRoutesIT.event;
import static com.coditect.pm.CommentRoutesIT.partitionRows;
import static com.coditect.pm.CommentRoutesIT.seedTask;
import static com.coditect.pm.PmAsserts.withClaims;
import static com.coditect.testing.ListAsserts.bad;
import static com.coditect.testing.ListAsserts.ids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.pm.CommentRoutesIT.Task;
import com.coditect.pm.data.PmKeys;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import com.coditect.testing.S3CallCounter;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code GET|POST /v1/tasks/{task_id}/attachments} and {@code GET|DELETE .../attachments/{attachment_id}}
 * on moto, with the presigned URLs exercised over real HTTP. Moto verifies neither signatures nor
 * checksums, so wrong objects are put straight into the bucket to prove the function's own check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentRoutesIT {

  private static final byte[] FILE = "Quarterly numbers: 42, 43, 44.\n".getBytes(StandardCharsets.UTF_8);

  private PmApi api;
  private S3CallCounter s3Calls;
  private S3Client s3;
  private final HttpClient http = HttpClient.newHttpClient();
  private SeededTenant acme;
  private SeededTenant globex;
  private String otherMember;
  private Task task;

  @BeforeAll
  void start() {
    api = new PmApi("attachments");
    s3Calls = api.s3Calls;
    s3 = AwsTestEnvironment.documentsBucket();
    acme = api.env.seedTenant("ENG");
    globex = api.env.seedTenant("ENG");
    otherMember = api.env.seedUser(acme.id(), "member");
    task = seedTask(api, acme);
  }

  @AfterAll
  void stop() {
    s3.close();
    api.close();
  }

  // ---------------------------------------------------------------- the whole journey

  @Test
  void uploadThroughThePresignedPutThenDownloadThroughThePresignedGet() throws Exception {
    Task task = seedTask(api, acme);
    Instant before = Instant.now();
    HandlerResponse created = create(acme.member(), task.id(), attachmentBody("notes ü 1.txt", FILE, "text/plain"));

    created.assertStatus(201);
    String id = created.text("id");
    assertEquals("/v1/tasks/" + task.id() + "/attachments/" + id, created.header("Location"));
    assertEquals("\"1\"", created.header("ETag"));
    assertEquals(task.id(), created.text("task_id"));
    assertEquals(acme.memberId(), created.text("uploader_id"));
    assertEquals("notes ü 1.txt", created.text("filename"));
    assertEquals("tenants/" + acme.id() + "/pm/" + task.id() + "/" + id, created.text("file_path"));
    assertEquals(FILE.length, created.json().path("file_size_bytes").asLong());
    assertEquals("text/plain", created.text("mime_type"));
    assertEquals(sha256Hex(FILE), created.text("sha256"));
    assertEquals("pending", created.text("status"));
    assertEquals(List.of("GetItem", "TransactWriteItems"), created.dynamoCalls());
    assertEquals(List.of(), s3Calls.operations(), "signing an upload makes no call");

    JsonNode upload = created.json().path("upload");
    assertEquals("PUT", upload.path("method").asText());
    assertEquals("text/plain", upload.path("headers").path("Content-Type").asText());
    assertEquals(String.valueOf(FILE.length), upload.path("headers").path("Content-Length").asText());
    assertEquals(base64Sha256(FILE), upload.path("headers").path("x-amz-checksum-sha256").asText());
    String signedHeaders = query(upload.path("url").asText(), "X-Amz-SignedHeaders");
    assertEquals("content-length;content-type;host;x-amz-checksum-sha256", signedHeaders,
        "the signature must cover type, length and checksum");
    assertEquals("900", query(upload.path("url").asText(), "X-Amz-Expires"));
    Instant expires = Instant.parse(upload.path("expires_at").asText());
    assertTrue(!expires.isBefore(before.plus(Duration.ofMinutes(15)).minusSeconds(1))
        && expires.isBefore(Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1)), expires.toString());

    List<JsonNode> activity = attachmentRows(activityRows(api, acme, task.id()));
    assertEquals(1, activity.size(), activity.toString());
    assertEquals("attachment_added", activity.get(0).path("action").asText());
    assertEquals("\"notes ü 1.txt\"", activity.get(0).path("new_value").asText());
    assertEquals(acme.memberId(), activity.get(0).path("user_id").asText());
    JsonNode createdEvent = event(api, "attachment.created", id);
    assertEquals("attachment", createdEvent.path("resource_type").asText());
    assertTrue(createdEvent.path("changes").path("upload").isMissingNode(), "the upload URL stays out of events");

    // Listed while pending.
    assertEquals("pending", find(list(acme.viewer(), task.id()), id).path("status").asText());

    // Before the upload: 409 after one HeadObject, and still pending.
    s3Calls.reset();
    HandlerResponse early = get(acme.viewer(), task.id(), id);
    early.assertStatus(409);
    assertEquals(List.of("attachment_id"), early.errorFields());
    assertTrue(early.text("detail").contains(id), early.raw());
    assertEquals(List.of("BatchGetItem"), early.dynamoCalls());
    assertEquals(List.of("HeadObject"), s3Calls.operations());

    // The client uploads exactly as told.
    HttpResponse<String> put = http.send(signedPut(upload, FILE), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, put.statusCode(), put.body());

    s3Calls.reset();
    HandlerResponse confirmed = get(acme.viewer(), task.id(), id);
    confirmed.assertStatus(200);
    assertEquals("available", confirmed.text("status"));
    assertEquals("\"2\"", confirmed.header("ETag"));
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), confirmed.dynamoCalls());
    assertEquals(List.of("HeadObject"), s3Calls.operations());
    JsonNode updatedEvent = event(api, "attachment.updated", id);
    assertEquals("pending", updatedEvent.path("changes").path("status").path("old").asText());
    assertEquals("available", updatedEvent.path("changes").path("status").path("new").asText());

    JsonNode download = confirmed.json().path("download");
    assertEquals("300", query(download.path("url").asText(), "X-Amz-Expires"));
    HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(URI.create(download.path("url").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, fetched.statusCode());
    assertArrayEquals(FILE, fetched.body());
    // Moto ignores response-content-disposition; S3 answers with it, so the signed URL must carry it.
    String disposition = query(download.path("url").asText(), "response-content-disposition");
    assertTrue(disposition.startsWith("attachment; filename=\"notes _ 1.txt\""), disposition);
    assertTrue(disposition.contains("filename*=UTF-8''notes%20%C3%BC%201.txt"), disposition);

    // Once available, a read is one BatchGetItem and no S3 call.
    s3Calls.reset();
    HandlerResponse again = get(acme.owner(), task.id(), id);
    again.assertStatus(200);
    assertEquals(List.of("BatchGetItem"), again.dynamoCalls());
    assertEquals(List.of(), s3Calls.operations());
    assertEquals("available", find(list(acme.viewer(), task.id()), id).path("status").asText());

    // By task key: the key row, then the attachment.
    HandlerResponse byKey = get(acme.owner(), task.key(), id);
    byKey.assertStatus(200);
    assertEquals(List.of("GetItem", "GetItem"), byKey.dynamoCalls());
  }

  @Test
  void anObjectOfAnotherSizeIsRefusedWith422() {
    String id = create(acme.member(), task.id(), attachmentBody("size.bin", FILE, null)).text("id");
    String path = filePath(task.id(), id);
    s3.putObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(path), RequestBody.fromString("short"));
    HandlerResponse wrong = get(acme.member(), task.id(), id);
    wrong.assertStatus(422);
    assertEquals(List.of("file_size_bytes"), wrong.errorFields());
    assertEquals("pending", find(list(acme.member(), task.id()), id).path("status").asText());
  }

  @Test
  void anObjectWithAnotherChecksumIsRefusedWith422AndTheRightOneAccepted() {
    byte[] other = FILE.clone();
    other[0] = 'q';
    String id = create(acme.member(), task.id(), attachmentBody("sum.txt", FILE, "text/plain")).text("id");
    String path = filePath(task.id(), id);
    s3.putObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(path).checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromBytes(other));
    HandlerResponse wrong = get(acme.member(), task.id(), id);
    wrong.assertStatus(422);
    assertEquals(List.of("sha256"), wrong.errorFields());
    assertEquals("pending", find(list(acme.member(), task.id()), id).path("status").asText());

    s3.putObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(path).checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromBytes(FILE));
    HandlerResponse right = get(acme.member(), task.id(), id);
    right.assertStatus(200);
    assertEquals("available", right.text("status"));
  }

  // ---------------------------------------------------------------- POST /v1/tasks/{task_id}/attachments

  @Test
  void filesAboveTheLimitAre413NamingTheSizeBeforeAnyRead() {
    Task fresh = seedTask(api, acme);
    HandlerResponse tooLarge = create(acme.member(), fresh.id(), sizedBody(104_857_601L));
    tooLarge.assertStatus(413);
    assertEquals(List.of("file_size_bytes"), tooLarge.errorFields());
    assertTrue(tooLarge.dynamoCalls().isEmpty());
    HandlerResponse huge = create(acme.member(), fresh.id(), sizedBody(50_000_000_000L));
    huge.assertStatus(413);
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));

    HandlerResponse atTheLimit = create(acme.member(), fresh.id(), sizedBody(104_857_600L));
    atTheLimit.assertStatus(201);
    assertEquals(104_857_600L, atTheLimit.json().path("file_size_bytes").asLong());
    assertEquals("104857600", atTheLimit.json().path("upload").path("headers").path("Content-Length").asText());
  }

  @Test
  void badAttachmentBodiesAre400NamingTheFieldAndWriteNothing() {
    Task fresh = seedTask(api, acme);
    var member = acme.member();
    String sha = sha256Hex(FILE);
    assertEquals(List.of("body"), bad(create(member, fresh.id(), "{\"filename\":")));
    assertEquals(List.of("body"), bad(create(member, fresh.id(), "[]")));
    assertEquals(List.of("filename", "file_size_bytes", "sha256"), bad(create(member, fresh.id(), "{}")));
    for (String filename : List.of("", "   ", "a/b.txt", "..\\\\evil.txt", "nul\\u0000.txt", "line\\nbreak.txt",
        "tab\\t.txt", "del\\u007f.txt", "\\u202Etxt.exe", ".", "..", "x".repeat(256))) {
      assertEquals(List.of("filename"), bad(create(member, fresh.id(),
          "{\"filename\":\"" + filename + "\",\"file_size_bytes\":10,\"sha256\":\"" + sha + "\"}")), filename);
    }
    assertEquals(List.of("filename"), bad(create(member, fresh.id(),
        "{\"filename\":7,\"file_size_bytes\":10,\"sha256\":\"" + sha + "\"}")));
    for (String size : List.of("0", "-1", "1.5", "\"10\"", "null", "true", "99999999999999999999")) {
      assertEquals(List.of("file_size_bytes"), bad(create(member, fresh.id(),
          "{\"filename\":\"a.txt\",\"file_size_bytes\":" + size + ",\"sha256\":\"" + sha + "\"}")), size);
    }
    for (String mime : List.of("text", "text/", "/plain", "text/plain; charset=utf-8", "text/pl ain",
        "a/" + "b".repeat(99))) {
      assertEquals(List.of("mime_type"), bad(create(member, fresh.id(), "{\"filename\":\"a.txt\",\"file_size_bytes\":10,"
          + "\"sha256\":\"" + sha + "\",\"mime_type\":\"" + mime + "\"}")), mime);
    }
    for (String digest : List.of("", sha.substring(1), sha + "0", "g" + sha.substring(1), sha.substring(0, 63) + " ")) {
      assertEquals(List.of("sha256"), bad(create(member, fresh.id(),
          "{\"filename\":\"a.txt\",\"file_size_bytes\":10,\"sha256\":\"" + digest + "\"}")), digest);
    }
    assertEquals(List.of("status"), bad(create(member, fresh.id(),
        "{\"filename\":\"a.txt\",\"file_size_bytes\":10,\"sha256\":\"" + sha + "\",\"status\":\"available\"}")));
    assertEquals(List.of("file_path"), bad(create(member, fresh.id(),
        "{\"filename\":\"a.txt\",\"file_size_bytes\":10,\"sha256\":\"" + sha + "\",\"file_path\":\"x/y\"}")));
    assertEquals(List.of("task_id"), bad(create(member, "ENG-01", attachmentBody("a.txt", FILE, null))));
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())), "a refused attachment must write nothing");
    assertTrue(attachmentRows(activityRows(api, acme, fresh.id())).isEmpty(), "no attachment history either");

    // Upper-case hex is accepted and stored in lower case; the longest name fits; no type means octet-stream.
    HandlerResponse accepted = create(member, fresh.id(), "{\"filename\":\"" + "n".repeat(255) + "\",\"file_size_bytes\":"
        + FILE.length + ",\"sha256\":\"" + sha.toUpperCase() + "\"}");
    accepted.assertStatus(201);
    assertEquals(sha, accepted.text("sha256"));
    assertEquals("application/octet-stream", accepted.text("mime_type"));
  }

  @Test
  void viewersAndSideRolesCannotAttach() {
    Task fresh = seedTask(api, acme);
    HandlerResponse denied = create(acme.viewer(), fresh.id(), attachmentBody("v.txt", FILE, null));
    denied.assertStatus(403);
    assertTrue(denied.dynamoCalls().isEmpty());
    String billing = api.env.seedUser(acme.id(), "billing");
    create(HttpEvents.claims(billing, acme.id(), "billing"), fresh.id(), attachmentBody("b.txt", FILE, null))
        .assertStatus(403);
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));
  }

  @Test
  void unknownDeletedAndForeignTasksAre404() {
    Task theirs = seedTask(api, globex);
    String theirAttachment = create(globex.member(), theirs.id(), attachmentBody("g.txt", FILE, null)).text("id");
    Task deleted = seedTask(api, acme);
    String orphan = create(acme.member(), deleted.id(), attachmentBody("o.txt", FILE, null)).text("id");
    deleteTask(api, acme, deleted);

    for (String ref : List.of(UUID.randomUUID().toString(), theirs.id(), deleted.id(), deleted.key())) {
      HandlerResponse created = create(acme.owner(), ref, attachmentBody("x.txt", FILE, null));
      created.assertStatus(404);
      assertEquals(List.of("GetItem"), created.dynamoCalls(), ref);
      list(acme.owner(), ref).assertStatus(404);
    }
    get(acme.owner(), theirs.id(), theirAttachment).assertStatus(404);
    delete(acme.owner(), theirs.id(), theirAttachment, null).assertStatus(404);
    get(acme.owner(), deleted.id(), orphan).assertStatus(404);
    delete(acme.owner(), deleted.id(), orphan, null).assertStatus(404);
    get(acme.owner(), task.id(), UUID.randomUUID().toString()).assertStatus(404);
    // An attachment is found only under its own task.
    get(globex.owner(), seedTask(api, globex).id(), theirAttachment).assertStatus(404);
    assertEquals(List.of(theirAttachment), ids(list(globex.owner(), theirs.id())));
  }

  @Test
  void idempotencyKeyReplaysTheSameUpload() {
    Task fresh = seedTask(api, acme);
    String key = UUID.randomUUID().toString();
    String body = attachmentBody("once.txt", FILE, "text/plain");
    HandlerResponse first = api.call(HttpEvents.route("POST /v1/tasks/{task_id}/attachments").claims(acme.member())
        .pathParam("task_id", fresh.id()).header("Idempotency-Key", key).body(body).build());
    HandlerResponse again = api.call(HttpEvents.route("POST /v1/tasks/{task_id}/attachments").claims(acme.member())
        .pathParam("task_id", fresh.id()).header("Idempotency-Key", key).body(body).build());
    first.assertStatus(201);
    again.assertStatus(201);
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(first.text("id"), again.text("id"));
    assertEquals(first.json().path("upload"), again.json().path("upload"));
    assertEquals(List.of(first.text("id")), ids(list(acme.owner(), fresh.id())));
  }

  @Test
  void everyRouteNeedsATenantToken() {
    String id = create(acme.member(), task.id(), attachmentBody("guarded.txt", FILE, null)).text("id");
    for (HandlerResponse response : List.of(create(null, task.id(), attachmentBody("a.txt", FILE, null)),
        list(null, task.id()), get(null, task.id(), id), delete(null, task.id(), id, null))) {
      response.assertStatus(401);
      assertTrue(response.dynamoCalls().isEmpty());
    }
    assertEquals("pending", find(list(acme.owner(), task.id()), id).path("status").asText());
  }

  // ---------------------------------------------------------------- GET /v1/tasks/{task_id}/attachments

  @Test
  void listsNewestFirstInOneQueryPerPage() {
    Task fresh = seedTask(api, acme);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(create(acme.member(), fresh.id(), attachmentBody("f" + i + ".txt", FILE, null)).text("id"));
    }
    HandlerResponse all = list(acme.viewer(), fresh.key());
    assertEquals(List.of(created.get(2), created.get(1), created.get(0)), ids(all));
    assertEquals(List.of("GetItem", "Query"), all.dynamoCalls());
    assertTrue(all.json().path("items").get(0).path("upload").isMissingNode());

    HandlerResponse first = list(acme.viewer(), fresh.id(), "limit", "2");
    assertEquals(List.of(created.get(2), created.get(1)), ids(first));
    HandlerResponse second = list(acme.viewer(), fresh.id(), "limit", "2", "cursor", first.text("next_cursor"));
    assertEquals(List.of(created.get(0)), ids(second));
    assertEquals(List.of("Query"), second.dynamoCalls());
    assertEquals(List.of("cursor"), bad(list(acme.viewer(), task.id(), "cursor", first.text("next_cursor"))));
    assertEquals(List.of("limit"), bad(list(acme.viewer(), fresh.id(), "limit", "500")));
  }

  // ---------------------------------------------------------------- DELETE /v1/tasks/{task_id}/attachments/{attachment_id}

  @Test
  void uploaderRemovesTheRecordAndTheObject() throws Exception {
    Task fresh = seedTask(api, acme);
    HandlerResponse created = create(acme.member(), fresh.id(), attachmentBody("gone.txt", FILE, "text/plain"));
    String id = created.text("id");
    http.send(signedPut(created.json().path("upload"), FILE), HttpResponse.BodyHandlers.ofString());
    HandlerResponse read = get(acme.member(), fresh.id(), id);
    read.assertStatus(200);
    String path = read.text("file_path");

    HandlerResponse stale = delete(acme.member(), fresh.id(), id, created.header("ETag"));
    stale.assertStatus(412);
    assertEquals(List.of(id), ids(list(acme.owner(), fresh.id())), "a refused delete must delete nothing");
    assertNotNull(s3.headObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(path)));

    s3Calls.reset();
    HandlerResponse deleted = delete(acme.member(), fresh.id(), id, read.header("ETag"));
    deleted.assertStatus(204);
    assertNull(deleted.json());
    assertEquals(List.of("BatchGetItem", "TransactWriteItems"), deleted.dynamoCalls());
    assertEquals(List.of("DeleteObject"), s3Calls.operations());
    assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(AwsTestEnvironment.BUCKET_NAME).key(path)));
    assertTrue(partitionRows(api, acme, fresh.id(), PmKeys.ATTACHMENT).isEmpty(), "a hard delete leaves no row");
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));
    JsonNode removed = activityRows(api, acme, fresh.id()).stream()
        .filter(row -> row.path("action").asText().equals("attachment_removed")).findFirst().orElseThrow();
    assertEquals("\"gone.txt\"", removed.path("old_value").asText());
    assertFalse(removed.has("new_value"));
    JsonNode event = event(api, "attachment.deleted", id);
    assertEquals("gone.txt", event.path("changes").path("filename").path("old").asText());

    get(acme.member(), fresh.id(), id).assertStatus(404);
    delete(acme.member(), fresh.id(), id, null).assertStatus(404);
  }

  @Test
  void onlyTheUploaderOrAnAdminRemovesAnAttachment() {
    Task fresh = seedTask(api, acme);
    String mine = create(acme.member(), fresh.id(), attachmentBody("mine.txt", FILE, null)).text("id");
    String pending = create(acme.member(), fresh.id(), attachmentBody("pending.txt", FILE, null)).text("id");

    HandlerResponse denied = delete(HttpEvents.claims(otherMember, acme.id(), "member"), fresh.id(), mine, null);
    denied.assertStatus(403);
    assertEquals(List.of("BatchGetItem"), denied.dynamoCalls());
    HandlerResponse viewer = delete(acme.viewer(), fresh.id(), mine, null);
    viewer.assertStatus(403);
    assertTrue(viewer.dynamoCalls().isEmpty());
    assertEquals(2, ids(list(acme.owner(), fresh.id())).size());

    // A pending attachment (no object yet) is removed just the same.
    delete(acme.admin(), fresh.id(), pending, null).assertStatus(204);
    delete(acme.owner(), fresh.key(), mine, "\"1\"").assertStatus(204);
    assertEquals(List.of(), ids(list(acme.owner(), fresh.id())));
    assertEquals(List.of("If-Match"), bad(delete(acme.owner(), fresh.id(), mine, "one")));
    assertEquals(List.of("attachment_id"), bad(delete(acme.owner(), fresh.id(), "12", null)));
  }

  // ---------------------------------------------------------------- helpers

  private String filePath(String taskId, String attachmentId) {
    return "tenants/" + acme.id() + "/pm/" + taskId + "/" + attachmentId;
  }

  /** The PUT a browser would send: the signed headers (Host and Content-Length come from the client). */
  private static HttpRequest signedPut(JsonNode upload, byte[] bytes) {
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
        .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    upload.path("headers").fields().forEachRemaining(header -> {
      if (!header.getKey().equalsIgnoreCase("Content-Length")) {
        put.header(header.getKey(), header.getValue().asText());
      }
    });
    return put.build();
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }

  private static String attachmentBody(String filename, byte[] file, String mimeType) {
    var body = PmApi.MAPPER.createObjectNode().put("filename", filename).put("file_size_bytes", file.length)
        .put("sha256", sha256Hex(file));
    if (mimeType != null) {
      body.put("mime_type", mimeType);
    }
    return body.toString();
  }

  private static String sizedBody(long size) {
    return "{\"filename\":\"big.iso\",\"file_size_bytes\":" + size + ",\"sha256\":\"" + sha256Hex(FILE) + "\"}";
  }

  private static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  private static String base64Sha256(byte[] bytes) {
    return Base64.getEncoder().encodeToString(digest(bytes));
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode find(HandlerResponse list, String id) {
    for (JsonNode item : list.json().path("items")) {
      if (item.path("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no " + id + " in " + list.raw());
  }

  private HandlerResponse create(Map<String, String> claims, String taskRef, String body) {
    s3Calls.reset();
    return api.call(withClaims(HttpEvents.route("POST /v1/tasks/{task_id}/attachments").pathParam("task_id", taskRef)
        .body(body), claims).build());
  }

  private HandlerResponse list(Map<String, String> claims, String taskRef, String... query) {
    var event = withClaims(HttpEvents.route("GET /v1/tasks/{task_id}/attachments").pathParam("task_id", taskRef),
        claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  private HandlerResponse get(Map<String, String> claims, String taskRef, String attachmentId) {
    return api.call(withClaims(HttpEvents.route("GET /v1/tasks/{task_id}/attachments/{attachment_id}")
        .pathParam("task_id", taskRef).pathParam("attachment_id", attachmentId), claims).build());
  }

  private HandlerResponse delete(Map<String, String> claims, String taskRef, String attachmentId, String ifMatch) {
    var event = HttpEvents.route("DELETE /v1/tasks/{task_id}/attachments/{attachment_id}")
        .pathParam("task_id", taskRef).pathParam("attachment_id", attachmentId);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(withClaims(event, claims).build());
  }

  /** History rows about attachments (a task made through the API also has its "created" row). */
  private static List<JsonNode> attachmentRows(List<JsonNode> activity) {
    return activity.stream().filter(row -> row.path("action").asText().startsWith("attachment_")).toList();
  }
}

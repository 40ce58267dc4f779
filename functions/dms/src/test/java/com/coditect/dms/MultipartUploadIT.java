package com.coditect.dms;

import static com.coditect.dms.DmsDocuments.createBody;
import static com.coditect.dms.DmsDocuments.sha256Hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.dms.data.DocumentStorage;
import com.coditect.shared.config.AppConfig;
import com.coditect.testing.HandlerResponse;
import com.coditect.testing.SeededTenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A file above the multipart threshold (1 KiB here, through the function's environment) goes up
 * in presigned parts to moto, is joined at complete and verified by reading it back and hashing it
 * (S3 keeps only a checksum of the parts' checksums for a multipart object).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipartUploadIT {

  private static final String THRESHOLD = AppConfig.OVERRIDE_PREFIX + "DMS_MULTIPART_THRESHOLD_BYTES";

  private DmsApi api;
  private DmsDocuments docs;
  private SeededTenant acme;

  @BeforeAll
  void start() {
    // Read when the function first builds its upload settings, i.e. at this class's first request.
    System.setProperty(THRESHOLD, "1024");
    api = new DmsApi("multipart");
    docs = new DmsDocuments(api);
    acme = api.env.seedTenant("ENG");
  }

  @AfterAll
  void stop() {
    System.clearProperty(THRESHOLD);
    api.close();
  }

  @Test
  void aLargeFileGoesUpInPresignedPartsAndIsVerifiedWhole() throws Exception {
    byte[] file = new byte[(int) DocumentStorage.MIN_PART_SIZE + 300_000];
    new Random(7).nextBytes(file);
    api.s3Calls.reset();
    HandlerResponse created = docs.create(acme.member(), createBody("big", "big.bin", file, Map.of()));
    created.assertStatus(201);
    JsonNode upload = created.json().path("upload");
    assertEquals("multipart", upload.path("method").asText());
    assertEquals(DocumentStorage.MIN_PART_SIZE, upload.path("part_size_bytes").asLong());
    assertEquals(2, upload.path("parts").size());
    assertEquals(List.of("CreateMultipartUpload"), api.s3Calls.operations());

    ArrayNode parts = DmsApi.MAPPER.createArrayNode();
    for (JsonNode part : upload.path("parts")) {
      int number = part.path("part_number").asInt();
      int from = (int) ((number - 1) * DocumentStorage.MIN_PART_SIZE);
      byte[] slice = Arrays.copyOfRange(file, from, (int) Math.min(file.length, from + DocumentStorage.MIN_PART_SIZE));
      String etag = DmsDocuments.putPart(part.path("url").asText(), slice);
      ObjectNode done = parts.addObject();
      done.put("part_number", number);
      done.put("etag", etag);
      done.put("checksum_sha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex(slice))));
    }
    HandlerResponse withoutParts = docs.complete(acme.member(), created.text("id"), "1", "{}");
    withoutParts.assertStatus(422);
    assertEquals(List.of("parts"), withoutParts.errorFields(), "a multipart upload needs its parts");
    api.s3Calls.reset();
    HandlerResponse completed = docs.complete(acme.member(), created.text("id"), "1",
        DmsApi.MAPPER.createObjectNode().set("parts", parts).toString());
    completed.assertStatus(200);
    assertEquals(1, completed.json().path("current_version").asLong());
    assertEquals(List.of("CompleteMultipartUpload", "HeadObject", "GetObject", "CopyObject", "DeleteObject"),
        api.s3Calls.operations());
    assertEquals(sha256Hex(file), sha256Hex(DmsDocuments.follow(docs.content(acme.member(), created.text("id"), null))
        .body()));
    assertEquals(String.valueOf(file.length),
        docs.item("T#" + acme.id() + "#DMS_USAGE", "USAGE").get("storage_used_bytes").n());
  }

  @Test
  void partsThatAreNotTheUploadedOnesAre422AndDiscardTheUpload() throws Exception {
    byte[] file = new byte[2048];
    new Random(13).nextBytes(file);
    HandlerResponse created = docs.create(acme.member(), createBody("etag", "etag.bin", file, Map.of()));
    DmsDocuments.putPart(created.json().path("upload").path("parts").get(0).path("url").asText(), file);
    HandlerResponse tooMany = docs.complete(acme.member(), created.text("id"), "1",
        "{\"parts\":[{\"part_number\":1,\"etag\":\"a\"},{\"part_number\":2,\"etag\":\"b\"}]}");
    tooMany.assertStatus(422);
    assertEquals(List.of("parts"), tooMany.errorFields(), "this upload has one part");
    HandlerResponse wrong = docs.complete(acme.member(), created.text("id"), "1",
        "{\"parts\":[{\"part_number\":1,\"etag\":\"\\\"0123456789abcdef0123456789abcdef\\\"\"}]}");
    wrong.assertStatus(422);
    assertEquals(List.of("parts"), wrong.errorFields());
    assertEquals(404, docs.complete(acme.member(), created.text("id"), "1", "{}").status(),
        "the upload was discarded: announce it again");
  }

  @Test
  void wrongBytesInAPartAre422NamingTheChecksum() throws Exception {
    byte[] file = new byte[4096];
    new Random(11).nextBytes(file);
    HandlerResponse created = docs.create(acme.member(), createBody("two", "two.bin", file, Map.of()));
    JsonNode part = created.json().path("upload").path("parts").get(0);
    byte[] other = file.clone();
    other[100] ^= 1;
    String etag = DmsDocuments.putPart(part.path("url").asText(), other);
    HandlerResponse mismatch = docs.complete(acme.member(), created.text("id"), "1",
        "{\"parts\":[{\"part_number\":1,\"etag\":" + DmsApi.MAPPER.writeValueAsString(etag) + "}]}");
    mismatch.assertStatus(422);
    assertEquals(List.of("checksum"), mismatch.errorFields());
  }
}

package com.coditect.dms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.dms.model.DocumentStatus;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRequestsTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> unprocessable(Runnable parse) {
    UnprocessableException e = assertThrows(UnprocessableException.class, parse::run);
    return e.errors().stream().map(FieldError::field).toList();
  }

  private static List<String> fields(Runnable parse) {
    BadRequestException e = assertThrows(BadRequestException.class, parse::run);
    return e.errors().stream().map(FieldError::field).toList();
  }

  private static String create(String title, String fileName, String size, String checksum) {
    return "{'title':'" + title + "','file_name':'" + fileName + "','file_size_bytes':" + size + ",'checksum':'"
        + checksum + "'}";
  }

  @Test
  void readsACreateWithItsDefaults() {
    CreateDocumentRequest request = CreateDocumentRequest.from(json(create("MSA", "msa.pdf", "12", SHA)));
    assertEquals(DocumentStatus.DRAFT, request.status());
    assertEquals("application/octet-stream", request.file().mimeType());
    assertEquals(12, request.file().fileSizeBytes());
    assertEquals("{}", request.metadata());
    assertEquals(List.of(), request.tags());
  }

  @Test
  void namesEveryBadField() {
    assertEquals(List.of("title"), fields(() -> CreateDocumentRequest.from(json(create("t".repeat(501), "a", "1", SHA)))));
    assertEquals(List.of("file_name"), fields(() -> CreateDocumentRequest.from(json(create("t", "a/b", "1", SHA)))));
    assertEquals(List.of("file_name"), fields(() -> CreateDocumentRequest.from(json(create("t", "..", "1", SHA)))));
    assertEquals(List.of("file_name"), fields(() -> CreateDocumentRequest.from(json(create("t", "a\\u202Etxt.exe", "1",
        SHA)))));
    assertEquals(List.of("checksum"), fields(() -> CreateDocumentRequest.from(json(create("t", "a", "1",
        SHA.toUpperCase())))));
    assertEquals(List.of("checksum"), fields(() -> CreateDocumentRequest.from(json(create("t", "a", "1", "abc")))));
    assertEquals(List.of("file_size_bytes"), fields(() -> CreateDocumentRequest.from(json(create("t", "a", "1.5", SHA)))));
    assertEquals(List.of("file_size_bytes"), fields(() -> CreateDocumentRequest.from(json(create("t", "a",
        "6000000000", SHA)))));
  }

  @Test
  void aVersionIsAFileOrARestoreNeverBoth() {
    CreateVersionRequest restore = CreateVersionRequest.from(json("{'source_version':2,'change_summary':'back'}"));
    assertEquals(2L, restore.sourceVersion());
    assertNull(restore.file());
    // Well-formed, but a restore and an upload at once: 422.
    assertEquals(List.of("file_name"), unprocessable(() -> CreateVersionRequest.from(json(
        "{'source_version':2,'file_name':'a.txt'}"))));
    assertEquals(List.of("file_size_bytes"), unprocessable(() -> CreateVersionRequest.from(json(
        "{'source_version':2,'file_size_bytes':3}"))));
  }

  @Test
  void completePartsMustBeInOrder() {
    assertNull(CompleteVersionRequest.from(null).parts());
    assertEquals(2, CompleteVersionRequest.from(json(
        "{'parts':[{'part_number':1,'etag':'a'},{'part_number':2,'etag':'b'}]}")).parts().size());
    assertEquals(List.of("parts[0].part_number"), unprocessable(() -> CompleteVersionRequest.from(json(
        "{'parts':[{'part_number':2,'etag':'a'}]}"))));
  }
}

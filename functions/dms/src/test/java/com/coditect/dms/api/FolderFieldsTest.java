package com.coditect.dms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.error.UnprocessableException;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A folder name is one safe segment of a path; a restore is {@code deleted_at: null} alone. */
class FolderFieldsTest {

  @Test
  void acceptsOrdinaryNamesWithSpacesDotsAndAnyScript() {
    for (String name : List.of("Contracts", "2026 Q1", "a.b", "...", ".hidden", "Verträge", "契約", "🗂 Files", "a#b%c")) {
      assertEquals(Optional.empty(), FolderFields.nameProblem(name), name);
    }
  }

  @Test
  void refusesSlashesControlCharactersDotSegmentsAndOuterSpaces() {
    assertTrue(FolderFields.nameProblem("a/b").orElseThrow().contains("'/'"));
    assertTrue(FolderFields.nameProblem("/").isPresent());
    assertTrue(FolderFields.nameProblem("tab\there").orElseThrow().contains("control"));
    assertTrue(FolderFields.nameProblem("line\nbreak").isPresent());
    assertTrue(FolderFields.nameProblem("del\u007f").isPresent());
    assertTrue(FolderFields.nameProblem("c1\u0085").isPresent());
    assertTrue(FolderFields.nameProblem(".").orElseThrow().contains("'.'"));
    assertTrue(FolderFields.nameProblem("..").isPresent());
    assertTrue(FolderFields.nameProblem(" lead").orElseThrow().contains("space"));
    assertTrue(FolderFields.nameProblem("trail ").isPresent());
  }

  @Test
  void createNamesTheFieldOfEachProblem() {
    assertEquals(List.of("name"), fields(() -> CreateFolderRequest.from(json("{\"name\":\"a/b\"}"))));
    assertEquals(List.of("name", "parent_id"),
        fields(() -> CreateFolderRequest.from(json("{\"name\":\"..\",\"parent_id\":\"x\"}"))));
    CreateFolderRequest ok = CreateFolderRequest.from(json("{\"name\":\"Top\"}"));
    assertEquals("Top", ok.name());
    assertEquals(null, ok.parentId());
  }

  @Test
  void restoreIsDeletedAtNullAlone() {
    assertTrue(UpdateFolderRequest.from(json("{\"deleted_at\":null}")).restore());
    assertEquals(false, UpdateFolderRequest.from(json("{\"name\":\"N\"}")).restore());
    // Well-formed, but not a restore: 422.
    assertEquals(List.of("deleted_at"), unprocessable(() -> UpdateFolderRequest.from(json("{\"deleted_at\":\"2026-01-01\"}"))));
    assertEquals(List.of("deleted_at"), unprocessable(() -> UpdateFolderRequest.from(json("{\"deleted_at\":null,\"name\":\"N\"}"))));
    UpdateFolderRequest toTop = UpdateFolderRequest.from(json("{\"parent_id\":null}"));
    assertTrue(toTop.parentId().isPresent());
    assertEquals(null, toTop.parentId().value());
  }

  private static JsonNode json(String text) {
    try {
      return Json.newMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> unprocessable(Runnable parse) {
    try {
      parse.run();
    } catch (UnprocessableException e) {
      return e.errors().stream().map(error -> error.field()).toList();
    }
    throw new AssertionError("no 422");
  }

  private static List<String> fields(Runnable parse) {
    try {
      parse.run();
    } catch (BadRequestException e) {
      return e.errors().stream().map(error -> error.field()).toList();
    }
    throw new AssertionError("no 400");
  }
}

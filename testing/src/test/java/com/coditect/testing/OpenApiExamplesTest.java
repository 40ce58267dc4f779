package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of docs/openapi.json carries realistic examples that fit its schemas. */
class OpenApiExamplesTest {

  @Test
  void everyOperationHasExamplesThatFitItsSchemas() {
    assertEquals(List.of(), OpenApiContract.load().exampleProblems());
  }

  @Test
  void aMissingOrWrongExampleIsReported(@TempDir Path dir) throws IOException {
    Path document = dir.resolve("openapi.json");
    Files.writeString(document, """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
          "/v1/things/{thing_id}": {
            "parameters": [{"name": "thing_id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "get": {"responses": {"200": {"description": "ok", "content": {"application/json": {
              "schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
              "example": {"name": "no id"}}}}}},
            "patch": {
              "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
              "responses": {"204": {"description": "done"}}}}}}
        """);
    List<String> problems = OpenApiContract.load(document).exampleProblems();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("GET /v1/things/{thing_id} parameter thing_id: no example")),
        problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("GET /v1/things/{thing_id} response application/json: the example does not fit")),
        problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.equals("PATCH /v1/things/{thing_id} request application/json: no example")),
        problems::toString);
  }
}

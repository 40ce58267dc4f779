package com.coditect.pm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each PM choice list is the named enum schema of docs/openapi.json that carries its name, in the same
 * order, and every property of the document that holds the choice references that schema.
 */
class PmDocumentedChoicesTest {

  private static final JsonNode DOCUMENT = document();

  @Test
  void everyPmEnumIsItsNamedSchema() {
    for (Class<? extends Enum<?>> type : List.of(TaskStatus.class, TaskType.class, TaskPriority.class,
        SprintStatus.class, MilestoneStatus.class, BoardType.class, AttachmentStatus.class)) {
      assertEquals(names(type), OpenApiChoices.of(DOCUMENT, DOCUMENT.path("components").path("schemas")
          .path(type.getSimpleName())), type.getSimpleName());
    }
  }

  @Test
  void taskPropertiesReferenceTheNamedSchemas() {
    for (String schema : List.of("Task", "TaskSummary", "CreateTaskRequest", "UpdateTaskRequest")) {
      assertEquals(names(TaskStatus.class), OpenApiChoices.ofProperty(DOCUMENT, schema, "status"), schema);
      assertEquals(names(TaskType.class), OpenApiChoices.ofProperty(DOCUMENT, schema, "task_type"), schema);
      assertEquals(names(TaskPriority.class), OpenApiChoices.ofProperty(DOCUMENT, schema, "priority"), schema);
    }
  }

  @Test
  void boardColumnsMapTaskStatuses() {
    for (String schema : List.of("BoardColumn", "BoardColumnRequest", "BoardColumnWithTasks")) {
      JsonNode items = DOCUMENT.path("components").path("schemas").path(schema).path("properties")
          .path("status_mapping").path("items");
      assertEquals(names(TaskStatus.class), OpenApiChoices.of(DOCUMENT, items), schema);
    }
  }

  /** Choice.apiNames for an enum of the list above (each implements Choice). */
  private static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(value -> ((Choice) value).apiName()).toList();
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

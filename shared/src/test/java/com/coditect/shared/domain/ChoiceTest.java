package com.coditect.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import com.coditect.shared.store.ChoiceConverter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChoiceTest {

  enum Stage implements Choice { TO_DO, IN_PROGRESS, DONE }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void spellsEveryValueInLowerSnakeCaseBothWays() {
    assertEquals("in_progress", Stage.IN_PROGRESS.apiName());
    assertEquals(List.of("to_do", "in_progress", "done"), Choice.apiNames(Stage.class));
    assertEquals(Optional.of(Stage.TO_DO), Choice.fromApiName(Stage.class, "to_do"));
    assertEquals(Optional.empty(), Choice.fromApiName(Stage.class, "TO_DO"));
    assertEquals(Optional.empty(), Choice.fromApiName(Stage.class, null));
  }

  @Test
  void theTableStoresTheApiSpellingAndRefusesOneItDoesNotKnow() {
    ChoiceConverter<Stage> converter = ChoiceConverter.of(Stage.class);
    assertEquals(AttributeValue.fromS("in_progress"), converter.transformFrom(Stage.IN_PROGRESS));
    assertEquals(Stage.DONE, converter.transformTo(AttributeValue.fromS("done")));
    IllegalStateException unknown = assertThrows(IllegalStateException.class,
        () -> converter.transformTo(AttributeValue.fromS("archived")));
    assertEquals("stored Stage 'archived' is not one of [to_do, in_progress, done]", unknown.getMessage());
  }

  @Test
  void requestFieldsParseToTheEnumAndNameTheFieldOtherwise() throws Exception {
    JsonFields fields = JsonFields.of(JSON.readTree("{\"status\":\"done\",\"next\":\"in_progress\"}"));
    assertEquals(Stage.DONE, fields.requiredChoice("status", Stage.class));
    Patch<Stage> next = fields.patchChoice("next", Stage.class, false);
    assertEquals(Stage.IN_PROGRESS, next.value());
    assertEquals(null, fields.optionalChoice("absent", Stage.class));
    fields.finish();

    JsonFields wrong = JsonFields.of(JSON.readTree("{\"status\":\"finished\"}"));
    assertEquals(null, wrong.requiredChoice("status", Stage.class));
    BadRequestException error = assertThrows(BadRequestException.class, wrong::finish);
    assertEquals("status", error.errors().get(0).field());
  }
}

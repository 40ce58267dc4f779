package com.coditect.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static List<String> fieldsOf(BadRequestException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void collectsEveryBadFieldIntoOneError() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"name\":7,\"size\":\"huge\",\"extra\":true,\"email\":\"x\"}"));
    fields.requiredString("name", 10);
    fields.requiredChoice("size", List.of("small", "large"));
    fields.requiredEmail("email");
    fields.requiredString("missing", 10);
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("name", "size", "email", "missing", "extra"), fieldsOf(e));
  }

  /** A decimal keeps the digits sent, rounded half up to its scale, within its range. */
  @Test
  void aDecimalIsRoundedToItsScaleAndRangeChecked() throws Exception {
    BigDecimal ninety = BigDecimal.valueOf(90);
    JsonFields fields = JsonFields.of(json("{\"a\":52.520008,\"b\":-0.1356815,\"c\":90,\"d\":90.0000004,"
        + "\"e\":90.0000005,\"f\":\"1\",\"g\":null}"));
    assertEquals(new BigDecimal("52.520008"), fields.patchDecimal("a", ninety.negate(), ninety, 6, false).value());
    assertEquals(new BigDecimal("-0.135682"), fields.patchDecimal("b", ninety.negate(), ninety, 6, false).value());
    assertEquals(new BigDecimal("90"), fields.patchDecimal("c", ninety.negate(), ninety, 6, false).value());
    assertEquals(new BigDecimal("90"), fields.patchDecimal("d", ninety.negate(), ninety, 6, false).value());
    fields.patchDecimal("e", ninety.negate(), ninety, 6, false);
    fields.patchDecimal("f", ninety.negate(), ninety, 6, false);
    assertNull(fields.patchDecimal("g", ninety.negate(), ninety, 6, true).value());
    assertFalse(fields.patchDecimal("absent", ninety.negate(), ninety, 6, true).isPresent());
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("e", "f"), fieldsOf(e));
  }

  /** A required id or number sent as JSON null is missing, not an absent value a caller might unbox. */
  @Test
  void aRequiredUuidOrIntegerSentAsNullIsRequired() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"id\":null,\"count\":null,\"bad\":\"x\",\"big\":12}"));
    assertNull(fields.requiredUuid("id"));
    assertNull(fields.requiredInteger("count", 1, 10));
    assertNull(fields.requiredUuid("bad"));
    assertNull(fields.requiredInteger("big", 1, 10));
    assertNull(fields.requiredInteger("absent", 1, 10));
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("id", "count", "bad", "big", "absent"), fieldsOf(e));
    assertEquals("is required", e.errors().get(0).message());
    JsonFields good = JsonFields.of(json("{\"id\":\"01a24400-3c4d-7e5f-8a6b-7c8d9e0f1a2b\",\"count\":3}"));
    assertEquals("01a24400-3c4d-7e5f-8a6b-7c8d9e0f1a2b", good.requiredUuid("id"));
    assertEquals(3, good.requiredInteger("count", 1, 10));
    good.finish();
  }

  @Test
  void enforcesMaximumLengthsAndBlankness() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"a\":\"abcdef\",\"b\":\"   \"}"));
    fields.requiredString("a", 5);
    fields.requiredString("b", 5);
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals("must be at most 5 characters", e.errors().get(0).message());
    assertEquals("must not be blank", e.errors().get(1).message());
  }

  @Test
  void patchDistinguishesAbsentFromNull() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"website\":null}"));
    Patch<String> website = fields.patchUrl("website", true);
    Patch<String> industry = fields.patchString("industry", 100, true);
    fields.finish();
    assertTrue(website.isPresent());
    assertNull(website.value());
    assertFalse(industry.isPresent());
    assertEquals("kept", industry.orElse("kept"));
  }

  @Test
  void nullIsRefusedForNonNullableFields() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"name\":null}"));
    fields.patchString("name", 10, false);
    assertEquals(List.of("name"), fieldsOf(assertThrows(BadRequestException.class, fields::finish)));
  }

  @Test
  void nestedObjectsReportDottedFieldNames() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"owner\":{\"email\":\"nope\",\"x\":1}}"));
    JsonFields owner = fields.requiredObject("owner");
    owner.requiredEmail("email");
    owner.finish();
    assertEquals(List.of("owner.email", "owner.x"), fieldsOf(assertThrows(BadRequestException.class, fields::finish)));
  }

  @Test
  void urlsMustBeAbsoluteHttp() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"a\":\"ftp://x.example\",\"b\":\"https://ok.example/p\",\"c\":\"/rel\"}"));
    fields.optionalUrl("a");
    assertEquals("https://ok.example/p", fields.optionalUrl("b"));
    fields.optionalUrl("c");
    assertEquals(List.of("a", "c"), fieldsOf(assertThrows(BadRequestException.class, fields::finish)));
  }

  @Test
  void booleanMapsAcceptOnlyKnownKeysAndBooleans() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"prefs\":{\"email\":true,\"sms\":true,\"slack\":\"yes\"}}"));
    fields.patchBooleanMap("prefs", Set.of("email", "slack"), false);
    assertEquals(List.of("prefs.sms", "prefs.slack"),
        fieldsOf(assertThrows(BadRequestException.class, fields::finish)));
  }

  @Test
  void emailsMustBeMailboxes() throws Exception {
    for (String good : List.of("ann@example.com", "o'neil+tag@mail.acme.example", "x@a.io")) {
      JsonFields fields = JsonFields.of(json("{\"e\":\"" + good + "\"}"));
      assertEquals(good, fields.requiredEmail("e"));
      fields.finish();
    }
    for (String bad : List.of("a..b@example.com", ".a@example.com", "a.@example.com", "a<b@example.com",
        "a@b..com", "a@-x.com", "a@example.com.", "a@localhost", "a b@example.com")) {
      JsonFields fields = JsonFields.of(json("{\"e\":\"" + bad + "\"}"));
      fields.requiredEmail("e");
      assertThrows(BadRequestException.class, fields::finish, bad);
    }
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() throws Exception {
    String emoji = "\uD83D\uDE00".repeat(5);
    JsonFields fields = JsonFields.of(json("{\"n\":\"" + emoji + "\"}"));
    assertEquals(emoji, fields.requiredString("n", 5));
    fields.finish();
  }

  @Test
  void nonAsciiUrlsMustBePercentEncoded() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"u\":\"https://cdn.example.com/\u00e4.png\"}"));
    fields.optionalUrl("u");
    assertThrows(BadRequestException.class, fields::finish);
  }

  @Test
  void bodyMustBeAnObject() throws Exception {
    assertEquals(List.of("body"), fieldsOf(assertThrows(BadRequestException.class, () -> JsonFields.of(json("[1]")))));
  }

  @Test
  void uuidsAreValidatedAndLowerCased() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"a\":\"0191D3F2-7A00-7000-8000-000000000001\",\"b\":\"nope\"}"));
    assertEquals("0191d3f2-7a00-7000-8000-000000000001", fields.optionalUuid("a"));
    fields.optionalUuid("b");
    assertEquals(List.of("b"), fieldsOf(assertThrows(BadRequestException.class, fields::finish)));
  }

  @Test
  void wholeNumbersMayBeWrittenWithAZeroFraction() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"a\":8,\"b\":8.0,\"c\":8.5,\"d\":\"8\",\"e\":1e12}"));
    assertEquals(8, fields.optionalInteger("a", 0, 10));
    assertEquals(8, fields.optionalInteger("b", 0, 10));
    fields.optionalInteger("c", 0, 10);
    fields.optionalInteger("d", 0, 10);
    fields.optionalInteger("e", 0, 10);
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("c", "d", "e"), fieldsOf(e));
  }

  @Test
  void datesAndTimestampsAreCheckedAndTimestampsNormalisedToUtcMilliseconds() throws Exception {
    JsonFields fields = JsonFields.of(json("{\"day\":\"2026-02-28\",\"bad_day\":\"2026-02-30\","
        + "\"at\":\"2026-12-01T17:00:00+02:00\",\"plain\":\"2026-12-01\",\"no_offset\":\"2026-12-01T17:00:00\","
        + "\"far\":\"0657-04-02t09:44:43+19:11\",\"too_far\":\"2026-12-01T17:00:00+24:00\"}"));
    assertEquals(LocalDate.of(2026, 2, 28), fields.optionalDate("day"));
    fields.optionalDate("bad_day");
    assertEquals("2026-12-01T15:00:00.000Z", fields.optionalTimestamp("at"));
    assertEquals("2026-12-01T00:00:00.000Z", fields.optionalTimestamp("plain"));
    fields.optionalTimestamp("no_offset");
    // RFC 3339 allows offsets up to 23:59 (Java's own parsers stop at 18:00) and a lower-case 't'.
    assertEquals("0657-04-01T14:33:43.000Z", fields.optionalTimestamp("far"));
    fields.optionalTimestamp("too_far");
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("bad_day", "no_offset", "too_far"), fieldsOf(e));
  }

  @Test
  void stringListsNameTheBadElement() throws Exception {
    Pattern word = Pattern.compile("^[a-z]+$");
    JsonFields fields = JsonFields.of(json("{\"ok\":[\"a\",\"b\"],\"bad\":[\"a\",\"B\"],\"twice\":[\"a\",\"a\"],"
        + "\"long\":[\"a\",\"b\",\"c\"]}"));
    assertEquals(List.of("a", "b"), fields.optionalStringList("ok", 2, 5, word, "must be lower-case letters"));
    fields.optionalStringList("bad", 2, 5, word, "must be lower-case letters");
    fields.optionalStringList("twice", 2, 5, word, "must be lower-case letters");
    fields.optionalStringList("long", 2, 5, word, "must be lower-case letters");
    BadRequestException e = assertThrows(BadRequestException.class, fields::finish);
    assertEquals(List.of("bad[1]", "twice[1]", "long"), fieldsOf(e));
  }
}

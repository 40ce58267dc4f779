package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {

  private static CursorCodec codec(String key) {
    return new CursorCodec(() -> key);
  }

  private static final Map<String, AttributeValue> LAST = Map.of(
      "PK", AttributeValue.fromS("T#a#PROJECT#1"), "SK", AttributeValue.fromS("PROJECT"),
      "GSI1PK", AttributeValue.fromS("T#a#PROJECTS"), "GSI1SK", AttributeValue.fromS("1"));

  @Test
  void roundTripsTheLastEvaluatedKey() {
    CursorCodec codec = codec("secret");
    String cursor = codec.encode("T#a#PROJECTS", LAST);
    assertEquals(LAST, codec.decode("T#a#PROJECTS", cursor));
  }

  @Test
  void noLastKeyMeansNoCursor() {
    assertNull(codec("secret").encode("scope", Map.of()));
    assertNull(codec("secret").encode("scope", null));
  }

  @Test
  void refusesACursorFromAnotherScope() {
    CursorCodec codec = codec("secret");
    String cursor = codec.encode("T#a#PROJECTS", LAST);
    BadRequestException e = assertThrows(BadRequestException.class, () -> codec.decode("T#b#PROJECTS", cursor));
    assertEquals("cursor", e.errors().get(0).field());
  }

  @Test
  void refusesTamperedOrForgedCursors() {
    String cursor = codec("secret").encode("s", LAST);
    String tampered = "e30" + cursor.substring(3);
    assertThrows(BadRequestException.class, () -> codec("secret").decode("s", tampered));
    assertThrows(BadRequestException.class, () -> codec("other-key").decode("s", cursor));
    assertThrows(BadRequestException.class, () -> codec("secret").decode("s", "garbage"));
    assertThrows(BadRequestException.class, () -> codec("secret").decode("s", "a.b.c"));
  }

  @Test
  void aCursorRevealsNothingWhenDecoded() {
    String scope = "T#acme-tenant#PROJECTS|TaskFilters[status=todo]";
    String cursor = codec("secret").encode(scope, LAST);
    String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
    for (String secretPart : List.of("PK", "SK", "GSI1", "T#", "PROJECT", "acme", "TaskFilters", "{")) {
      assertFalse(decoded.contains(secretPart), "the decoded cursor shows " + secretPart);
    }
  }

  @Test
  void onePositionHasOneCursorAndAnotherScopeAnother() {
    CursorCodec codec = codec("secret");
    assertEquals(codec.encode("s", LAST), codec.encode("s", Map.copyOf(LAST)));
    assertNotEquals(codec.encode("s", LAST), codec.encode("t", LAST));
    assertNotEquals(codec.encode("s", LAST), codec("other-key").encode("s", LAST));
  }

  @Test
  void refusesACursorCutShort() {
    String cursor = codec("secret").encode("s", LAST);
    assertThrows(BadRequestException.class, () -> codec("secret").decode("s", cursor.substring(0, 20)));
    assertThrows(BadRequestException.class, () -> codec("secret").decode("s", ""));
  }
}

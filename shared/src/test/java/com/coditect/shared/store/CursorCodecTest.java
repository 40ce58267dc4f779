package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.BadRequestException;
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
}

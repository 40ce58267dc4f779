package com.coditect.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongTextTest {

  @Test
  void shortValuesTravelAsTheyAre() {
    String limit = "x".repeat(LongText.MAX_CHARS);
    assertSame(limit, LongText.compact(limit));
    assertEquals(42, LongText.compact(42));
    assertEquals(true, LongText.compact(true));
    assertEquals(null, LongText.compact(null));
    Map<String, Object> small = Map.of("a", "b");
    assertSame(small, LongText.compact(small));
  }

  @Test
  void aLongStringTravelsAsItsLengthAndSha256() {
    // SHA-256 of 1,025 'a' characters, computed independently with sha256sum.
    assertEquals(Map.of("length", 1025,
            "sha256", "4a82297889eb505cf6b5cbdf69977afab4632d6557539782f657bd7dc78091a5"),
        LongText.compact("a".repeat(1025)));
  }

  @Test
  void aLongListTravelsAsTheLengthAndSha256OfItsJson() {
    List<String> tags = Collections.nCopies(300, "tag");
    Object compacted = LongText.compact(tags);
    assertEquals(6 * 300 + 1, ((Map<?, ?>) compacted).get("length"));
  }
}

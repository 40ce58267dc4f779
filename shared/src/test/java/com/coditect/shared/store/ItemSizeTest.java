package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The rules of "DynamoDB item sizes and formats", one by one, with the figures worked by hand. */
class ItemSizeTest {

  @Test
  void aStringIsItsNameAndItsUtf8Bytes() {
    assertEquals(2 + 3, ItemSize.attribute("id", AttributeValue.fromS("abc")));
    // "é" is two bytes in UTF-8, "€" three, "😀" four (two UTF-16 chars): the bytes count, not the chars.
    assertEquals(4 + 2 + 3 + 4, ItemSize.attribute("name", AttributeValue.fromS("é€😀")));
    assertEquals(4 + 2, ItemSize.attribute("näm", AttributeValue.fromS("ab")), "names are UTF-8 bytes too");
    assertEquals(1, ItemSize.attribute("s", AttributeValue.fromS("")));
  }

  @Test
  void aNumberIsOneBytePerTwoSignificantDigitsPlusOne() {
    assertEquals(1 + 2, ItemSize.attribute("n", AttributeValue.fromN("7")));
    assertEquals(1 + 2, ItemSize.attribute("n", AttributeValue.fromN("12")));
    assertEquals(1 + 3, ItemSize.attribute("n", AttributeValue.fromN("123")));
    assertEquals(1 + 3, ItemSize.attribute("n", AttributeValue.fromN("-12.5")));
    // Leading and trailing zeroes are trimmed.
    assertEquals(1 + 2, ItemSize.attribute("n", AttributeValue.fromN("1000")));
    assertEquals(1 + 2, ItemSize.attribute("n", AttributeValue.fromN("0.0001")));
    assertEquals(1 + 3, ItemSize.attribute("n", AttributeValue.fromN("0012.50")));
    assertEquals(1 + 1, ItemSize.attribute("n", AttributeValue.fromN("0")));
    // 38 significant digits, the most DynamoDB keeps: 19 bytes plus one.
    assertEquals(1 + 20, ItemSize.attribute("n", AttributeValue.fromN("1".repeat(38))));
  }

  @Test
  void aBinaryIsItsRawBytesNotItsBase64() {
    assertEquals(1 + 5, ItemSize.attribute("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[5]))));
  }

  @Test
  void nullAndBooleanAreOneByte() {
    assertEquals(4 + 1, ItemSize.attribute("flag", AttributeValue.fromBool(true)));
    assertEquals(4 + 1, ItemSize.attribute("none", AttributeValue.fromNul(true)));
  }

  @Test
  void aListOrMapIsThreeBytesPlusItsElementsAndOneBytePerElement() {
    assertEquals(4 + 3, ItemSize.attribute("tags", AttributeValue.fromL(List.of())));
    assertEquals(4 + 3, ItemSize.attribute("meta", AttributeValue.fromM(Map.of())));
    // ["ab", "cde"]: 3 + (1 + 2) + (1 + 3)
    assertEquals(4 + 3 + 3 + 4, ItemSize.attribute("tags",
        AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromS("cde")))));
    // {"k": "v", "n": 10}: 3 + (1 + 1 + 1) + (1 + 1 + 2); a map element counts its name.
    Map<String, AttributeValue> nested = new LinkedHashMap<>();
    nested.put("k", AttributeValue.fromS("v"));
    nested.put("n", AttributeValue.fromN("10"));
    assertEquals(4 + 3 + 3 + 4, ItemSize.attribute("meta", AttributeValue.fromM(nested)));
    // [[]]: 3 + (1 + 3)
    assertEquals(1 + 3 + 4, ItemSize.attribute("l", AttributeValue.fromL(List.of(AttributeValue.fromL(List.of())))));
  }

  @Test
  void aSetIsItsElements() {
    assertEquals(2 + 1 + 2, ItemSize.attribute("ss", AttributeValue.fromSs(List.of("a", "bc"))));
    assertEquals(2 + 2 + 3, ItemSize.attribute("ns", AttributeValue.fromNs(List.of("1", "123"))));
  }

  @Test
  void anItemIsTheSumOfItsAttributes() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("PK", AttributeValue.fromS("T#1"));
    item.put("SK", AttributeValue.fromS("TASK"));
    item.put("version", AttributeValue.fromN("12"));
    assertEquals((2 + 3) + (2 + 4) + (7 + 2), ItemSize.of(item));
  }

  @Test
  void aWriteUnitIsEachStartedKilobyteAndAtLeastOne() {
    assertEquals(1, ItemSize.writeUnits(0), "a delete of nothing still costs a unit");
    assertEquals(1, ItemSize.writeUnits(500));
    assertEquals(1, ItemSize.writeUnits(1024));
    assertEquals(2, ItemSize.writeUnits(1025));
    assertEquals(4, ItemSize.writeUnits(3584), "3.5 KB costs 4 units");
    assertEquals(400, ItemSize.writeUnits(ItemSize.MAX_ITEM_BYTES));
  }

  @Test
  void theLimitsAreDynamoDbs() {
    assertEquals(409_600, ItemSize.MAX_ITEM_BYTES);
    assertEquals(4_194_304, ItemSize.MAX_TRANSACTION_BYTES);
  }
}

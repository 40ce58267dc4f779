package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** How one written item is priced: the table, each index it is in, and transactions. */
class WriteUnitMeterTest {

  private static final WriteUnitMeter.IndexShape GSI1 = new WriteUnitMeter.IndexShape("GSI1PK", "GSI1SK",
      List.of("PK", "SK"), ProjectionType.ALL, List.of());
  private static final WriteUnitMeter.IndexShape KEYS_ONLY = new WriteUnitMeter.IndexShape("GSI2PK", "GSI2SK",
      List.of("PK", "SK"), ProjectionType.KEYS_ONLY, List.of());

  @Test
  void aNewItemCostsOneUnitPerStartedKilobyte() {
    // PK (2 + 1) + SK (2 + 1) + body (4 + 2,000) = 2,010 bytes: 2 units.
    assertEquals(2, WriteUnitMeter.unitsOf(null, item(2000, null), List.of(), false));
  }

  @Test
  void aReplacementOrUpdateCostsTheLargerOfBeforeAndAfter() {
    assertEquals(3, WriteUnitMeter.unitsOf(item(2500, null), item(100, null), List.of(), false));
    assertEquals(3, WriteUnitMeter.unitsOf(item(100, null), item(2500, null), List.of(), false));
  }

  @Test
  void aDeleteCostsTheDeletedItemAndADeleteOfNothingOneUnit() {
    assertEquals(3, WriteUnitMeter.unitsOf(item(2500, null), null, List.of(), false));
    assertEquals(1, WriteUnitMeter.unitsOf(null, null, List.of(), false));
  }

  @Test
  void anIndexTheItemIsInCostsItsProjectionAgain() {
    assertEquals(2 + 2, WriteUnitMeter.unitsOf(null, item(2000, "p"), List.of(GSI1), false));
    assertEquals(2, WriteUnitMeter.unitsOf(null, item(2000, null), List.of(GSI1), false), "not in the index");
    // Keys only: the index holds PK, SK, GSI2PK and GSI2SK, well under 1 KB.
    Map<String, AttributeValue> keyed = item(2000, null);
    keyed.put("GSI2PK", AttributeValue.fromS("p"));
    keyed.put("GSI2SK", AttributeValue.fromS("s"));
    assertEquals(2 + 1, WriteUnitMeter.unitsOf(null, keyed, List.of(KEYS_ONLY), false));
  }

  @Test
  void anIndexKeyThatMovesIsADeleteAndAPutInTheIndex() {
    assertEquals(3 + 3, WriteUnitMeter.unitsOf(item(2500, "p"), item(2500, "p"), List.of(GSI1), false));
    assertEquals(3 + 3 + 3, WriteUnitMeter.unitsOf(item(2500, "p"), item(2500, "q"), List.of(GSI1), false));
    assertEquals(3 + 3, WriteUnitMeter.unitsOf(item(2500, "p"), item(2500, null), List.of(GSI1), false),
        "leaving the index deletes its entry");
  }

  @Test
  void everythingCostsTwiceInATransaction() {
    assertEquals(2 * (3 + 3), WriteUnitMeter.unitsOf(null, item(2500, "p"), List.of(GSI1), true));
    assertEquals(2, WriteUnitMeter.unitsOf(null, null, List.of(), true));
  }

  /** An item with a {@code body} of {@code bodyBytes} ASCII characters, in GSI1 under {@code gsi1} if not null. */
  private static Map<String, AttributeValue> item(int bodyBytes, String gsi1) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("PK", AttributeValue.fromS("a"));
    item.put("SK", AttributeValue.fromS("b"));
    item.put("body", AttributeValue.fromS("x".repeat(bodyBytes)));
    if (gsi1 != null) {
      item.put("GSI1PK", AttributeValue.fromS(gsi1));
      item.put("GSI1SK", AttributeValue.fromS("1"));
    }
    return item;
  }
}

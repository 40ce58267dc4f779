package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.store.Ids;
import com.coditect.shared.store.ItemSize;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The meter on moto, on the template's table (GSI1 and GSI2 project every attribute). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteUnitMeterIT {

  private AwsTestEnvironment env;
  private WriteUnitMeter meter;
  private DynamoDbClient client;

  @BeforeAll
  void start() {
    env = AwsTestEnvironment.create(WriteUnitMeterIT.class.getSimpleName());
    meter = new WriteUnitMeter(env.dynamoDb());
    client = env.newDynamoDbClient(meter);
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @BeforeEach
  void resetMeter() {
    meter.reset();
  }

  @Test
  void aPutThenAnUpdateThenADeleteAreEachPricedFromTheStoredItem() {
    String pk = "T#" + Ids.newId();
    Map<String, AttributeValue> item = Map.of("PK", s(pk), "SK", s("ITEM"), "GSI1PK", s(pk + "#LIST"),
        "GSI1SK", s("1"), "entity_type", s("THING"), "body", s("x".repeat(1500)));
    client.putItem(b -> b.tableName(env.tableName()).item(item));
    assertEquals(2 + 2, meter.units(), "a 1.6 KB item and its GSI1 entry");
    assertEquals(ItemSize.of(item), meter.largestItemBytes());

    meter.reset();
    client.updateItem(b -> b.tableName(env.tableName()).key(Map.of("PK", s(pk), "SK", s("ITEM")))
        .updateExpression("SET body = :b").expressionAttributeValues(Map.of(":b", s("short"))));
    assertEquals(2 + 2, meter.units(), "an update costs the larger side: the 1.6 KB before");

    meter.reset();
    client.deleteItem(b -> b.tableName(env.tableName()).key(Map.of("PK", s(pk), "SK", s("ITEM"))));
    assertEquals(1 + 1, meter.units(), "the deleted item was small by then");
    assertEquals(1 + 1, meter.units("THING"), "a delete counts toward what it deleted");
    assertEquals(0, meter.units("OTHER"));
  }

  @Test
  void aTransactionCostsTwiceItsWritesAndNothingForItsChecks() {
    String pk = "T#" + Ids.newId();
    client.putItem(b -> b.tableName(env.tableName()).item(Map.of("PK", s(pk), "SK", s("CHECKED"))));
    meter.reset();
    client.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(env.tableName())
            .item(Map.of("PK", s(pk), "SK", s("NEW"), "body", s("x".repeat(3000))))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(env.tableName())
            .key(Map.of("PK", s(pk), "SK", s("CHECKED"))).conditionExpression("attribute_exists(PK)")).build()));
    assertEquals(2 * 3, meter.units());
    assertEquals(meter.largestItemBytes(), meter.largestTransactionBytes(), "one written item");
    assertEquals(2 * 3, meter.units(""), "by entity type: the item has none");
  }

  @Test
  void aFailedWriteIsNotMetered() {
    String pk = "T#" + Ids.newId();
    client.putItem(b -> b.tableName(env.tableName()).item(Map.of("PK", s(pk), "SK", s("ITEM"))));
    meter.reset();
    assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(env.tableName())
        .item(Map.of("PK", s(pk), "SK", s("ITEM"))).conditionExpression("attribute_not_exists(PK)")));
    assertEquals(0, meter.units());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}

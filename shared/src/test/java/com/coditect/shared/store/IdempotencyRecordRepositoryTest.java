package com.coditect.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Where idempotency records live and how one read by a create's own BatchGetItem becomes an item. */
class IdempotencyRecordRepositoryTest {

  private static final TenantId ACME = new TenantId("0191d3f2-7a00-7000-8000-00000000a11c");

  /** Keeps the puts it is sent. */
  private static final class RecordingDynamoDb implements DynamoDbClient {
    final List<PutItemRequest> puts = new ArrayList<>();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      puts.add(request);
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  @Test
  void aRecordIsPutOnlyWhereNoLiveRecordHoldsItsKey() {
    RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
    SingleTable table = new SingleTable(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(), dynamoDb,
        new AppConfig("us-east-1", "coditect-test", "bucket", "bus", "key", Optional.empty()));
    WriteTransaction tx = new Transactions(table).begin();
    new IdempotencyRecordRepository(table).putUnlessHeld(tx,
        IdempotencyItem.of(IdempotencyRecordRepository.key(ACME, "d"), "hash", "2026-11-25T10:00:00.000Z", 1_700_086_400L),
        1_700_000_000L, () -> new ConflictException("held"));
    tx.commit();

    PutItemRequest put = dynamoDb.puts.get(0);
    assertEquals("attribute_not_exists(PK) OR #ttl <= :now", put.conditionExpression());
    assertEquals(Map.of("#ttl", "ttl"), put.expressionAttributeNames());
    assertEquals(Map.of(":now", AttributeValue.fromN("1700000000")), put.expressionAttributeValues());
    assertEquals("T#" + ACME.value() + "#IDEMPOTENCY#d", put.item().get("PK").s());
  }

  @Test
  void aRecordLivesInItsTenantsKeySpaceOrThePlatformsForACallerWithoutATenant() {
    Key tenants = IdempotencyRecordRepository.key(ACME, "d1g3st");
    assertEquals("T#" + ACME.value() + "#IDEMPOTENCY#d1g3st", tenants.partitionKeyValue().s());
    assertEquals("IDEMPOTENCY", tenants.sortKeyValue().orElseThrow().s());
    assertEquals("PLATFORM#IDEMPOTENCY#d1g3st", IdempotencyRecordRepository.key(null, "d1g3st").partitionKeyValue().s());
  }

  @Test
  void aNewRecordCarriesItsKeyRequestAndExpiry() {
    IdempotencyItem item = IdempotencyItem.of(IdempotencyRecordRepository.key(ACME, "d"), "hash",
        "2026-11-25T10:00:00.000Z", 1_800_000_000L);
    assertEquals("T#" + ACME.value() + "#IDEMPOTENCY#d", item.meta().pk());
    assertEquals("IDEMPOTENCY", item.meta().sk());
    assertEquals("IDEMPOTENCY", item.meta().entityType());
    assertEquals("hash", item.requestHash());
    assertEquals(1_800_000_000L, item.meta().ttl());
    assertNull(item.meta().version(), "a record is written once, never versioned");
  }

  @Test
  void aRecordReadRawBecomesTheItemAndNoneStaysNone() {
    IdempotencyItem read = IdempotencyRecordRepository.fromRead(Map.of(
        "PK", AttributeValue.fromS("T#t#IDEMPOTENCY#d"), "SK", AttributeValue.fromS("IDEMPOTENCY"),
        "request_hash", AttributeValue.fromS("hash"), "status_code", AttributeValue.fromN("201"),
        "location", AttributeValue.fromS("/v1/tasks/t-1"), "ttl", AttributeValue.fromN("1800000000")));
    assertEquals("hash", read.requestHash());
    assertEquals(201, read.statusCode());
    assertEquals("/v1/tasks/t-1", read.location());
    assertEquals(1_800_000_000L, read.meta().ttl());
    assertNull(IdempotencyRecordRepository.fromRead(null));
  }
}

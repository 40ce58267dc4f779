package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class AwsTestEnvironmentIT {

  private static final Duration DELIVERY = Duration.ofSeconds(10);

  private static AwsTestEnvironment env;

  @BeforeAll
  static void createEnvironment() {
    env = AwsTestEnvironment.create(AwsTestEnvironmentIT.class.getSimpleName());
  }

  @AfterAll
  static void closeEnvironment() {
    env.close();
  }

  @Test
  void createsTheTableTheTemplateDescribes() {
    TableDescription table = env.dynamoDb().describeTable(b -> b.tableName(env.tableName())).table();
    Map<String, Object> template = CloudTemplate.load().resourceProperties("CoditectTable");

    assertEquals(keys(template.get("KeySchema")), keys(table.keySchema()));
    Map<String, GlobalSecondaryIndexDescription> indexes = table.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, index -> index));
    List<?> templateIndexes = (List<?>) template.get("GlobalSecondaryIndexes");
    assertEquals(templateIndexes.size(), indexes.size());
    for (Object value : templateIndexes) {
      Map<?, ?> expected = (Map<?, ?>) value;
      GlobalSecondaryIndexDescription actual = indexes.get(expected.get("IndexName"));
      assertEquals(keys(expected.get("KeySchema")), keys(actual.keySchema()));
      assertEquals(((Map<?, ?>) expected.get("Projection")).get("ProjectionType"),
          actual.projection().projectionTypeAsString());
    }
    assertTrue(table.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_IMAGE, table.streamSpecification().streamViewType());
    assertEquals(TimeToLiveStatus.ENABLED, env.dynamoDb()
        .describeTimeToLive(b -> b.tableName(env.tableName())).timeToLiveDescription().timeToLiveStatus());
  }

  @Test
  void recordsATransactionalPutOnTheStream() {
    String pk = "T#stream-test";
    env.dynamoDb().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
        .put(put -> put
            .tableName(env.tableName())
            .item(Map.of(
                "PK", AttributeValue.fromS(pk),
                "SK", AttributeValue.fromS("OUTBOX#1"),
                "entity_type", AttributeValue.fromS("OUTBOX")))
            .conditionExpression("attribute_not_exists(PK)"))
        .build()));

    List<Record> records = env.streamRecords().stream()
        .filter(r -> pk.equals(r.dynamodb().keys().get("PK").s()))
        .toList();
    assertEquals(1, records.size());
    assertEquals(OperationType.INSERT, records.get(0).eventName());
    assertEquals("OUTBOX", records.get(0).dynamodb().newImage().get("entity_type").s());
  }

  @Test
  void deliversCoditectEventsFromTheBusToTheQueue() {
    PutEventsResponse put = putEvent("coditect.test", "TestHappened", "{\"answer\":42}");
    assertEquals(0, put.failedEntryCount());

    List<JsonNode> events = env.receivedEvents(1, DELIVERY);

    assertEquals(1, events.size(), events::toString);
    JsonNode event = events.get(0);
    assertEquals("coditect.test", event.get("source").asText());
    assertEquals("TestHappened", event.get("detail-type").asText());
    assertEquals(42, event.get("detail").get("answer").asInt());
    assertTrue(env.drainEvents().isEmpty(), "received events are removed from the queue");
  }

  @Test
  void leavesOtherSourcesOutOfTheQueue() {
    putEvent("acme.other", "Ignored", "{}");

    assertEquals(List.of(), env.drainEvents());
  }

  @Test
  void failsToPublishWhileTheBusIsGoneAndDeliversOnceItIsBack() {
    env.deleteBus();
    // Moto rejects the whole call; AWS may instead report failed entries. Either is an outage.
    try {
      PutEventsResponse rejected = putEvent("coditect.test", "DuringOutage", "{}");
      assertTrue(rejected.failedEntryCount() > 0, rejected::toString);
    } catch (EventBridgeException expected) {
      // the bus does not exist
    }

    env.recreateBus();
    putEvent("coditect.test", "AfterOutage", "{}");

    List<JsonNode> events = env.receivedEvents(1, DELIVERY);
    assertEquals(1, events.size(), events::toString);
    assertEquals("AfterOutage", events.get(0).get("detail-type").asText());
  }

  @Test
  void countsAGetItemAsOneCall() {
    DynamoDbCallCounter counter = new DynamoDbCallCounter();
    DynamoDbClient client = env.newDynamoDbClient(counter);

    client.getItem(b -> b.tableName(env.tableName())
        .key(Map.of("PK", AttributeValue.fromS("T#none"), "SK", AttributeValue.fromS("none"))));

    assertEquals(1, counter.total());
    assertEquals(1, counter.count("GetItem"));
    assertEquals(List.of("GetItem"), counter.operations());
    counter.reset();
    assertEquals(0, counter.total());
  }

  @Test
  void configuresFunctionsForThisEnvironment() {
    AppConfig config = env.appConfig();

    assertEquals("us-east-1", config.region());
    assertEquals(env.tableName(), config.tableName());
    assertEquals(env.busName(), config.eventBusName());
    assertEquals("coditect-test-bucket", config.bucketName());
    try (SecretsManagerClient secrets = SecretsManagerClient.builder().region(Region.US_EAST_1)
        .endpointOverride(MotoServer.endpoint()).httpClient(UrlConnectionHttpClient.create()).build()) {
      assertEquals("test-cursor-signing-key",
          secrets.getSecretValue(r -> r.secretId(config.cursorKeySecret())).secretString());
    }
    assertEquals(Optional.of(MotoServer.endpoint()), config.awsEndpoint());
    assertTrue(env.tableName().startsWith("coditect-awstestenvironmentit-"), env.tableName());
  }

  private static PutEventsResponse putEvent(String source, String detailType, String detail) {
    return env.eventBridge().putEvents(b -> b.entries(PutEventsRequestEntry.builder()
        .eventBusName(env.busName())
        .source(source)
        .detailType(detailType)
        .detail(detail)
        .build()));
  }

  private static List<String> keys(Object keySchema) {
    return ((List<?>) keySchema).stream()
        .map(k -> k instanceof KeySchemaElement e
            ? e.attributeName() + ":" + e.keyTypeAsString()
            : ((Map<?, ?>) k).get("AttributeName") + ":" + ((Map<?, ?>) k).get("KeyType"))
        .toList();
  }
}

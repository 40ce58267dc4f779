package com.coditect.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.coditect.testing.AwsTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream-triggered Lambda against EventBridge on moto. */
class OutboxPublisherHandlerIT {

  private AwsTestEnvironment env;
  private OutboxPublisherHandler handler;

  @BeforeEach
  void start() {
    env = AwsTestEnvironment.create("publisher");
    handler = new OutboxPublisherHandler(DaggerOutboxPublisherComponent.factory().create(env.appConfig()));
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private static DynamodbStreamRecord record(String sequence, String eventName, String entityType, String eventId) {
    StreamRecord change = new StreamRecord();
    change.setSequenceNumber(sequence);
    change.setNewImage(Map.of(
        "entity_type", new AttributeValue().withS(entityType),
        "event_id", new AttributeValue().withS(eventId),
        "source", new AttributeValue().withS("coditect.tenancy"),
        "detail_type", new AttributeValue().withS("team.created"),
        "detail", new AttributeValue().withS("{\"event_id\":\"" + eventId + "\",\"action\":\"team.created\"}")));
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setDynamodb(change);
    return record;
  }

  private static DynamodbEvent batch(DynamodbStreamRecord... records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(records));
    return event;
  }

  @Test
  void putsOnlyOutboxInsertsOnTheBus() {
    StreamsEventResponse response = handler.handleRequest(batch(
        record("1", "INSERT", "OUTBOX", "e-1"),
        record("2", "INSERT", "TEAM", "not-an-event"),
        record("3", "REMOVE", "OUTBOX", "ttl-expiry"),
        record("4", "INSERT", "OUTBOX", "e-2")), null);

    assertTrue(response.getBatchItemFailures().isEmpty());
    List<JsonNode> events = env.receivedEvents(2, Duration.ofSeconds(10));
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.path("detail").path("event_id").asText()));
    assertEquals(List.of("e-1", "e-2"), ids.stream().sorted().toList());
    assertEquals("team.created", events.get(0).path("detail-type").asText());
    assertEquals(List.of(), env.drainEvents(), "filtered records must not be published");
  }

  @Test
  void reportsTheFirstUnpublishedRecordWhenTheBusIsDown() {
    env.deleteBus();
    StreamsEventResponse response = handler.handleRequest(batch(
        record("10", "INSERT", "OUTBOX", "e-10"), record("11", "INSERT", "OUTBOX", "e-11")), null);
    assertEquals(1, response.getBatchItemFailures().size());
    assertEquals("10", response.getBatchItemFailures().get(0).getItemIdentifier());

    env.recreateBus();
    StreamsEventResponse retried = handler.handleRequest(batch(
        record("10", "INSERT", "OUTBOX", "e-10"), record("11", "INSERT", "OUTBOX", "e-11")), null);
    assertTrue(retried.getBatchItemFailures().isEmpty());
    assertEquals(2, env.receivedEvents(2, Duration.ofSeconds(10)).size());
  }

  @Test
  void anEmptyBatchIsFine() {
    assertTrue(handler.handleRequest(batch(), null).getBatchItemFailures().isEmpty());
  }
}

package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.coditect.publisher.OutboxPublisherHandler;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cold start of the outbox publisher: its public constructor, then a stream batch holding one
 * outbox insert, which must reach the bus.
 */
public final class PublisherColdStart {

  private PublisherColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    DynamodbEvent event = oneOutboxInsert();

    OutboxPublisherHandler handler = new OutboxPublisherHandler();
    timing.ready();
    StreamsEventResponse response = handler.handleRequest(event, null);
    if (!response.getBatchItemFailures().isEmpty()) {
      FirstResponse.fail("the bus did not take the event: " + response.getBatchItemFailures());
    }
    timing.responded();
    System.exit(0);
  }

  private static DynamodbEvent oneOutboxInsert() {
    String eventId = UUID.randomUUID().toString();
    StreamRecord change = new StreamRecord();
    change.setSequenceNumber("1");
    change.setNewImage(Map.of(
        "entity_type", new AttributeValue().withS("OUTBOX"),
        "event_id", new AttributeValue().withS(eventId),
        "source", new AttributeValue().withS("coditect.bench"),
        "detail_type", new AttributeValue().withS("bench.cold_start"),
        "detail", new AttributeValue().withS("{\"event_id\":\"" + eventId + "\",\"action\":\"bench.cold_start\"}")));
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName("INSERT");
    record.setEventSource("aws:dynamodb");
    record.setDynamodb(change);
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.of(record));
    return event;
  }
}

package com.coditect.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.coditect.testing.AwsTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream-triggered Lambda against EventBridge and DynamoDB on moto, whose bus refuses what
 * EventBridge refuses (over 10 entries or 256 KB a request). No event is ever lost: each one
 * reaches the bus exactly once, or is parked in full, or is left in the stream for the retry.
 */
class OutboxPublisherHandlerIT {

  private static final String TENANT = "0190a1b2-0000-7000-8000-0000000000aa";
  private static final int KB = 1024;

  private AwsTestEnvironment env;
  private OutboxPublisherHandler handler;
  private OutboxRedriveHandler redrive;

  @BeforeEach
  void start() {
    env = AwsTestEnvironment.create("publisher");
    OutboxPublisherComponent component = DaggerOutboxPublisherComponent.factory().create(env.appConfig());
    handler = new OutboxPublisherHandler(component);
    redrive = new OutboxRedriveHandler(component);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** A stream record of an outbox insert whose detail is about {@code bytes} long. */
  private static DynamodbStreamRecord outbox(String sequence, String eventId, int bytes, Instant written) {
    String head = "{\"event_id\":\"" + eventId + "\",\"tenant_id\":\"" + TENANT + "\",\"action\":\"team.created\",\"pad\":\"";
    return record(sequence, "INSERT", "OUTBOX", eventId, head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"}",
        written);
  }

  private static DynamodbStreamRecord outbox(String sequence, String eventId) {
    return outbox(sequence, eventId, 100, Instant.now());
  }

  private static DynamodbStreamRecord record(String sequence, String eventName, String entityType, String eventId,
      String detail, Instant written) {
    StreamRecord change = new StreamRecord();
    change.setSequenceNumber(sequence);
    change.setApproximateCreationDateTime(Date.from(written));
    change.setNewImage(Map.of(
        "PK", new AttributeValue().withS("T#" + TENANT + "#OUTBOX#" + eventId),
        "SK", new AttributeValue().withS("OUTBOX"),
        "entity_type", new AttributeValue().withS(entityType),
        "event_id", new AttributeValue().withS(eventId),
        "source", new AttributeValue().withS("coditect.tenancy"),
        "detail_type", new AttributeValue().withS("team.created"),
        "detail", new AttributeValue().withS(detail)));
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setDynamodb(change);
    return record;
  }

  private static DynamodbEvent batch(List<DynamodbStreamRecord> records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  private static DynamodbEvent batch(DynamodbStreamRecord... records) {
    return batch(List.of(records));
  }

  private static List<String> failures(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  /** Event ids of every event that reached the bus, sorted; an id twice means it arrived twice. */
  private List<String> arrived(int atLeast) {
    List<JsonNode> events = new ArrayList<>(env.receivedEvents(atLeast, Duration.ofSeconds(15)));
    events.addAll(env.drainEvents());
    return events.stream().map(e -> e.path("detail").path("event_id").asText()).sorted().toList();
  }

  private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> parkedItem(String eventId) {
    return env.dynamoDb().getItem(r -> r.tableName(env.tableName()).consistentRead(true).key(Map.of(
        "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("T#" + TENANT + "#PARKED_EVENT#" + eventId),
        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PARKED_EVENT")))).item();
  }

  @Test
  void putsOnlyOutboxInsertsOnTheBus() {
    StreamsEventResponse response = handler.handleRequest(batch(
        outbox("1", "e-1"),
        record("2", "INSERT", "TEAM", "not-an-event", "{}", Instant.now()),
        record("3", "REMOVE", "OUTBOX", "ttl-expiry", "{}", Instant.now()),
        outbox("4", "e-2")), null);

    assertEquals(List.of(), failures(response));
    assertEquals(List.of("e-1", "e-2"), arrived(2));
  }

  @Test
  void tenChangesOfThirtyKilobytesEachArriveExactlyOnce() {
    List<DynamodbStreamRecord> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(outbox(String.valueOf(100 + i), "big-" + i, 30 * KB, Instant.now()));
      ids.add("big-" + i);
    }
    assertEquals(List.of(), failures(handler.handleRequest(batch(records), null)));
    assertEquals(ids, arrived(10));
  }

  @Test
  void aChangeOf300KilobytesIsParkedInFullAndTheOthersArriveExactlyOnce() {
    DynamodbStreamRecord huge = outbox("21", "huge", 300 * KB, Instant.now());
    StreamsEventResponse response = handler.handleRequest(batch(outbox("20", "before"), huge, outbox("22", "after")),
        null);

    assertEquals(List.of(), failures(response), "nothing left to retry: the huge event is parked");
    assertEquals(List.of("after", "before"), arrived(2));
    var parked = parkedItem("huge");
    assertEquals(huge.getDynamodb().getNewImage().get("detail").getS(), parked.get("detail").s(), "kept in full");
    assertEquals("entry_too_large", parked.get("reason").s());
    assertEquals("team.created", parked.get("detail_type").s());
    assertFalse(parked.containsKey("ttl"), "a parked event never expires");
    assertEquals("PLATFORM#PARKED_EVENTS", parked.get("GSI1PK").s());
  }

  @Test
  void aPoisonedEntryAloneIsParkedAndTheRestFlowOn() {
    DynamodbStreamRecord poisoned = record("31", "INSERT", "OUTBOX", "poisoned", "{\"event_id\":\"poisoned\", not json",
        Instant.now());
    StreamsEventResponse response = handler.handleRequest(batch(outbox("30", "a"), poisoned, outbox("32", "b"),
        outbox("33", "c")), null);

    assertEquals(List.of(), failures(response));
    assertEquals(List.of("a", "b", "c"), arrived(3));
    assertEquals("MalformedDetail", parkedItem("poisoned").get("reason").s());
    assertEquals("{\"event_id\":\"poisoned\", not json", parkedItem("poisoned").get("detail").s());
    assertTrue(parkedItem("a").isEmpty(), "only the poisoned entry is parked");
  }

  @Test
  void whileTheBusIsDownNothingIsAcknowledgedOrParkedThenEveryEventArrivesExactlyOnce() {
    env.deleteBus();
    DynamodbEvent batch = batch(outbox("10", "e-10"), outbox("11", "e-11"), outbox("12", "e-12"));
    for (int retry = 0; retry < 3; retry++) {
      assertEquals(List.of("10"), failures(handler.handleRequest(batch, null)), "retried from the first record");
    }
    assertTrue(parkedItem("e-10").isEmpty(), "an outage is not a reason to park");

    env.recreateBus();
    assertEquals(List.of(), failures(handler.handleRequest(batch, null)));
    assertEquals(List.of("e-10", "e-11", "e-12"), arrived(3));
  }

  @Test
  void reorderedAndReplayedBatchesLoseNothing() {
    // Lambda may hand over records again (a retry, a bisected batch); the bus must get every one.
    List<DynamodbStreamRecord> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(outbox(String.valueOf(40 + i), "r-" + i, (i % 3 + 1) * 40 * KB, Instant.now()));
      ids.add("r-" + i);
    }
    records.add(record("60", "INSERT", "OUTBOX", "r-poison", "not json", Instant.now()));
    List<DynamodbStreamRecord> reordered = new ArrayList<>(records);
    Collections.reverse(reordered);
    assertEquals(List.of(), failures(handler.handleRequest(batch(reordered.subList(0, 6)), null)));
    assertEquals(List.of(), failures(handler.handleRequest(batch(records), null)));

    List<String> arrived = arrived(17);
    assertEquals(ids.stream().sorted().toList(), arrived.stream().distinct().toList(), "every event arrived");
    assertEquals(5 + 12, arrived.size(), "the replayed ones twice (consumers dedupe by event id), none lost");
    assertEquals("MalformedDetail", parkedItem("r-poison").get("reason").s());
  }

  @Test
  void aRecordAboutToLeaveTheStreamIsParkedDuringAnOutageAndARedriveDeliversItOnce() {
    env.deleteBus();
    Instant old = Instant.now().minus(Duration.ofHours(21));
    StreamsEventResponse response = handler.handleRequest(batch(outbox("50", "old", 100, old),
        outbox("51", "young")), null);
    assertEquals(List.of("51"), failures(response), "the young one waits in the stream");
    assertTrue(parkedItem("old").get("reason").s().startsWith("stream_expiry:"), parkedItem("old").toString());

    Map<String, Object> stillDown = redrive.handleRequest(Map.of(), null);
    assertEquals(0, stillDown.get("redriven"));
    assertFalse(parkedItem("old").isEmpty(), "still parked while the bus is down");

    env.recreateBus();
    Map<String, Object> result = redrive.handleRequest(Map.of(), null);
    assertEquals(1, result.get("redriven"));
    assertEquals(0, result.get("still_parked"));
    assertEquals(false, result.get("more"));
    assertEquals(List.of("old"), arrived(1));
    assertTrue(parkedItem("old").isEmpty(), "the parked item is removed once the bus took it");

    assertEquals(0, redrive.handleRequest(null, null).get("redriven"));
    assertEquals(List.of(), arrived(0), "a second redrive sends nothing again");
  }

  @Test
  void aRedriveLeavesAnEventTheBusStillRefusesParked() {
    handler.handleRequest(batch(outbox("70", "huge", 300 * KB, Instant.now())), null);
    Map<String, Object> parked = new HashMap<>(redrive.handleRequest(Map.of("max_events", 10), null));

    assertEquals(0, parked.get("redriven"));
    assertEquals(1, parked.get("still_parked"));
    assertEquals(List.of("huge"), parked.get("still_parked_event_ids"));
    assertEquals("entry_too_large", parkedItem("huge").get("reason").s());
    assertEquals(List.of(), arrived(0));
  }

  @Test
  void anEmptyBatchIsFine() {
    assertTrue(handler.handleRequest(batch(), null).getBatchItemFailures().isEmpty());
  }
}

package com.coditect.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The publisher's batching and per-event outcomes, against a scripted bus and table. */
class OutboxPublisherTest {

  private static final String TENANT = "0190a1b2-0000-7000-8000-000000000001";
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final int KB = 1024;

  /**
   * A bus that answers each entry with {@code verdict} (null: accepted, else an error code), and
   * refuses a request over EventBridge's limits as EventBridge does. Keeps every request.
   */
  private static class ScriptedBus implements EventBridgeClient {
    final List<List<PutEventsRequestEntry>> requests = new ArrayList<>();
    Function<PutEventsRequestEntry, String> verdict = entry -> null;
    RuntimeException outage;

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
      requests.add(request.entries());
      if (outage != null) {
        throw outage;
      }
      int bytes = request.entries().stream().mapToInt(PutEventsLimits::entrySize).sum();
      if (request.entries().size() > 10 || bytes > PutEventsLimits.MAX_REQUEST_BYTES) {
        throw validation("Total size of the entries in the request is over the limit.");
      }
      List<PutEventsResultEntry> results = new ArrayList<>();
      int failed = 0;
      for (PutEventsRequestEntry entry : request.entries()) {
        String code = verdict.apply(entry);
        if (code == null) {
          results.add(PutEventsResultEntry.builder().eventId("bus-" + requests.size()).build());
        } else {
          failed++;
          results.add(PutEventsResultEntry.builder().errorCode(code).errorMessage("scripted").build());
        }
      }
      return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    /** Every entry the bus was sent, by event id, in order (an id twice means it was sent twice). */
    List<String> sentIds() {
      List<String> ids = new ArrayList<>();
      requests.forEach(request -> request.forEach(entry -> ids.add(eventId(entry))));
      return ids;
    }

    @Override
    public String serviceName() {
      return "events";
    }

    @Override
    public void close() {}
  }

  /** The parked-events table: keeps each put; {@code down} makes every put fail. */
  private static final class ParkingTable implements DynamoDbClient {
    final List<Map<String, AttributeValue>> puts = new ArrayList<>();
    boolean down;

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      if (down) {
        throw SdkClientException.create("table unavailable");
      }
      puts.add(new HashMap<>(request.item()));
      return PutItemResponse.builder().build();
    }

    Map<String, String> reasonsByEventId() {
      Map<String, String> reasons = new HashMap<>();
      puts.forEach(item -> reasons.put(item.get("event_id").s(), item.get("reason").s()));
      return reasons;
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private final ScriptedBus bus = new ScriptedBus();
  private final ParkingTable table = new ParkingTable();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final OutboxPublisher publisher = new OutboxPublisher(new BusSender(bus, "bus", Duration.ZERO),
      new ParkedEvents(() -> table, "table", clock), clock);
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  @AfterEach
  void restoreLog() {
    Log.redirect(System.out);
  }

  private static EventBridgeException validation(String message) {
    return (EventBridgeException) EventBridgeException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message).build())
        .build();
  }

  private static String eventId(PutEventsRequestEntry entry) {
    return Json.readTree(entry.detail()).path("event_id").asText();
  }

  /** An outbox record whose entry is about {@code bytes} in size, written {@code age} ago. */
  private static OutboxRecord record(String id, int bytes, Duration age) {
    String head = "{\"event_id\":\"" + id + "\",\"pad\":\"";
    int padding = Math.max(0, bytes - head.length() - 2 - "coditect.pm".length() - "task.updated".length());
    return new OutboxRecord("seq-" + id, NOW.minus(age), TENANT, id, "coditect.pm", "task.updated",
        head + "x".repeat(padding) + "\"}");
  }

  private static OutboxRecord record(String id) {
    return record(id, 200, Duration.ofMinutes(1));
  }

  private static List<String> ids(List<OutboxRecord> records) {
    return records.stream().map(OutboxRecord::eventId).toList();
  }

  @Test
  void tenEventsOfThirtyKilobytesGoInRequestsWithinTheLimits() {
    List<OutboxRecord> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(record("e" + i, 30 * KB, Duration.ofMinutes(1)));
    }
    OutboxPublisher.Outcome outcome = publisher.publish(records);

    assertEquals(ids(records), ids(outcome.published()));
    assertEquals(List.of(), outcome.unsent());
    assertEquals(List.of(8, 2), bus.requests.stream().map(List::size).toList());
    assertEquals(ids(records), bus.sentIds(), "each event sent once, in stream order");
  }

  @Test
  void anEventOverTheLimitAloneIsParkedInFullAndTheRestFlowOn() {
    OutboxRecord huge = record("huge", 300 * KB, Duration.ofMinutes(1));
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(record("a"), huge, record("b")));

    assertEquals(List.of("a", "b"), ids(outcome.published()));
    assertEquals(List.of("huge"), ids(outcome.parked()));
    assertEquals(List.of(), outcome.unsent());
    assertEquals(List.of("a", "b"), bus.sentIds(), "the bus is never sent a request it must refuse");
    assertEquals(1, table.puts.size());
    Map<String, AttributeValue> parked = table.puts.get(0);
    assertEquals(huge.detail(), parked.get("detail").s(), "kept in full");
    assertEquals("entry_too_large", parked.get("reason").s());
    assertEquals("T#" + TENANT + "#PARKED_EVENT#huge", parked.get("PK").s());
    assertEquals("PLATFORM#PARKED_EVENTS", parked.get("GSI1PK").s());
    assertEquals(null, parked.get("ttl"), "a parked event never expires");
  }

  @Test
  void aPoisonedEntryAloneIsParkedAndTheRestOfItsRequestFlowsOn() {
    bus.verdict = entry -> eventId(entry).equals("poison") ? "MalformedDetail" : null;
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(record("a"), record("poison"), record("b")));

    assertEquals(List.of("a", "b"), ids(outcome.published()));
    assertEquals(List.of("poison"), ids(outcome.parked()));
    assertEquals(List.of(), outcome.unsent());
    assertEquals(Map.of("poison", "MalformedDetail"), table.reasonsByEventId());
    assertEquals(List.of("a", "poison", "b"), bus.sentIds(), "refused for good: not sent again");
  }

  @Test
  void aThrottledEntryIsRetriedAloneUntilTheBusTakesIt() {
    int[] throttles = {2};
    bus.verdict = entry -> eventId(entry).equals("busy") && throttles[0]-- > 0 ? "ThrottlingException" : null;
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(record("a"), record("busy"), record("b")));

    assertEquals(List.of("a", "b", "busy"), ids(outcome.published()).stream().sorted().toList());
    assertEquals(List.of(), outcome.parked());
    assertEquals(List.of(), outcome.unsent());
    assertEquals(List.of(3, 1, 1), bus.requests.stream().map(List::size).toList(), "the failed entry alone");
    assertEquals(List.of("a", "busy", "b", "busy", "busy"), bus.sentIds());
  }

  @Test
  void anEntryThrottledOnEveryTryIsLeftInTheStreamFromItOn() {
    bus.verdict = entry -> eventId(entry).equals("busy") ? "InternalFailure" : null;
    List<OutboxRecord> records = List.of(record("a"), record("busy"), record("b"));
    OutboxPublisher.Outcome outcome = publisher.publish(records);

    assertEquals(List.of("busy", "b"), ids(outcome.unsent()), "retried from the first unsent record");
    assertEquals(List.of("a", "b"), ids(outcome.published()), "b was taken in the same request");
    assertEquals(List.of(), outcome.parked(), "an unavailable bus parks nothing young");
    assertEquals(1 + BusSender.ATTEMPTS, bus.requests.size());
  }

  @Test
  void anOutageParksNothingAndLeavesEverythingInTheStream() {
    bus.outage = SdkClientException.create("connection refused");
    List<OutboxRecord> records = List.of(record("a"), record("b"));
    OutboxPublisher.Outcome outcome = publisher.publish(records);

    assertEquals(List.of("a", "b"), ids(outcome.unsent()));
    assertEquals(List.of(), outcome.published());
    assertEquals(List.of(), table.puts);
    assertEquals(1, bus.requests.size(), "the next request waits for the retry");
  }

  @Test
  void aMissingBusOrNoAccessIsAnOutageNotTheEventsFault() {
    bus.verdict = entry -> "AccessDeniedException";
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(record("a"), record("b")));
    assertEquals(List.of("a", "b"), ids(outcome.unsent()));
    assertEquals(List.of(), table.puts);
  }

  @Test
  void duringAnOutageARecordAboutToLeaveTheStreamIsParked() {
    bus.outage = SdkClientException.create("connection refused");
    OutboxRecord old = record("old", 200, Duration.ofHours(21));
    OutboxRecord older = record("older", 200, Duration.ofHours(23));
    OutboxRecord young = record("young", 200, Duration.ofHours(19));
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(older, old, young));

    assertEquals(List.of("older", "old"), ids(outcome.parked()));
    assertEquals(List.of("young"), ids(outcome.unsent()));
    assertTrue(table.reasonsByEventId().get("older").startsWith("stream_expiry:"), table.reasonsByEventId().toString());
  }

  @Test
  void aRecordThatCannotBeParkedStaysInTheStream() {
    table.down = true;
    bus.verdict = entry -> eventId(entry).equals("poison") ? "InvalidArgument" : null;
    OutboxPublisher.Outcome outcome = publisher.publish(List.of(record("a"), record("poison"), record("b")));

    assertEquals(List.of("poison", "b"), ids(outcome.unsent()));
    assertEquals(List.of(), outcome.parked());
  }

  @Test
  void aRequestRefusedAsAWholeIsSentOneEntryAtATime() {
    // A bus stricter than the documented rule: it refuses any request holding the "picky" entry.
    EventBridgeClient strict = new ScriptedBus() {
      @Override
      public PutEventsResponse putEvents(PutEventsRequest request) {
        requests.add(request.entries());
        if (request.entries().stream().anyMatch(entry -> eventId(entry).equals("picky"))) {
          throw validation("refused");
        }
        return PutEventsResponse.builder().failedEntryCount(0).entries(request.entries().stream()
            .map(entry -> PutEventsResultEntry.builder().eventId("x").build()).toList()).build();
      }
    };
    OutboxPublisher strictPublisher = new OutboxPublisher(new BusSender(strict, "bus", Duration.ZERO),
        new ParkedEvents(() -> table, "table", clock), clock);
    OutboxPublisher.Outcome outcome = strictPublisher.publish(List.of(record("a"), record("picky"), record("b")));

    assertEquals(List.of("a", "b"), ids(outcome.published()));
    assertEquals(Map.of("picky", "ValidationException"), table.reasonsByEventId());
  }

  @Test
  void eachParkedEventIsAnEmbeddedMetricFormatLogLine() {
    Log.redirect(new PrintStream(logged, true, StandardCharsets.UTF_8));
    bus.verdict = entry -> eventId(entry).startsWith("poison") ? "MalformedDetail" : null;
    publisher.publish(List.of(record("poison-1"), record("fine"), record("poison-2")));

    List<JsonNode> metricLines = new ArrayList<>();
    for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode json = Json.readTree(line);
      if (json.has("_aws")) {
        metricLines.add(json);
      }
    }
    assertEquals(2, metricLines.size());
    JsonNode line = metricLines.get(0);
    JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
    assertEquals(NOW.toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
    assertEquals("Coditect/Outbox", directive.path("Namespace").asText());
    assertEquals("ParkedEvents", directive.path("Metrics").get(0).path("Name").asText());
    assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
    assertEquals(1, line.path("ParkedEvents").asInt(), "the metric's value is a root member of the line");
    assertEquals("poison-1", line.path("event_id").asText());
  }
}

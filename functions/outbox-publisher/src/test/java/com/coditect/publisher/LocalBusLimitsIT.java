package com.coditect.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.AwsTestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The bus of the tests and the local runtime (scripts/moto_server.py) refuses what EventBridge
 * refuses: more than 10 entries, or entries totalling over 256 KB, in one PutEvents request.
 */
class LocalBusLimitsIT {

  private static final int LIMIT = 256 * 1024;
  private static final String SOURCE = "coditect.test";
  private static final String DETAIL_TYPE = "limit.checked";

  private AwsTestEnvironment env;

  @BeforeEach
  void start() {
    env = AwsTestEnvironment.create("bus-limits");
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** An entry whose size by EventBridge's rule (source + detail-type + detail bytes) is {@code bytes}. */
  private PutEventsRequestEntry entryOfSize(int bytes) {
    int padding = bytes - SOURCE.length() - DETAIL_TYPE.length() - "{\"pad\":\"\"}".length();
    String detail = "{\"pad\":\"" + "x".repeat(padding) + "\"}";
    return PutEventsRequestEntry.builder().eventBusName(env.busName()).source(SOURCE).detailType(DETAIL_TYPE)
        .detail(detail).build();
  }

  @Test
  void refusesElevenEntries() {
    List<PutEventsRequestEntry> entries = new ArrayList<>(Collections.nCopies(11, entryOfSize(100)));
    EventBridgeException refused = assertThrows(EventBridgeException.class,
        () -> env.eventBridge().putEvents(r -> r.entries(entries)));
    assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
    assertEquals(List.of(), env.drainEvents(), "a refused request delivers nothing");
  }

  @Test
  void refusesARequestOf257Kilobytes() {
    EventBridgeException refused = assertThrows(EventBridgeException.class,
        () -> env.eventBridge().putEvents(r -> r.entries(entryOfSize(LIMIT / 2), entryOfSize(LIMIT / 2 + 1024))));
    assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
    assertEquals("Total size of the entries in the request is over the limit.",
        refused.awsErrorDetails().errorMessage());
    assertEquals(List.of(), env.drainEvents(), "a refused request delivers nothing");
  }

  @Test
  void refusesASingleEntryOver256Kilobytes() {
    EventBridgeException refused = assertThrows(EventBridgeException.class,
        () -> env.eventBridge().putEvents(r -> r.entries(entryOfSize(LIMIT + 1))));
    assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
  }

  @Test
  void takesTenEntriesOfExactly256KilobytesInAll() {
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(entryOfSize(i < 9 ? LIMIT / 10 : LIMIT - 9 * (LIMIT / 10)));
    }
    PutEventsResponse response = env.eventBridge().putEvents(r -> r.entries(entries));
    assertEquals(0, response.failedEntryCount());
    assertTrue(env.receivedEvents(10, Duration.ofSeconds(10)).size() >= 10);
  }
}

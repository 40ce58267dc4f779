package com.coditect.shared.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.events.PutEventsLimits.Batch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class PutEventsLimitsTest {

  private static final int KB = 1024;

  @Test
  void entrySizeCountsUtf8BytesOfSourceDetailTypeDetailAndResources() {
    PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
        .eventBusName("a-bus-name-that-is-not-counted")
        .source("coditect.pm")                // 11 bytes
        .detailType("task.updated")           // 12 bytes
        .detail("{\"title\":\"€\"}")          // 13 characters, 15 bytes: the euro sign is 3 bytes
        .resources("arn:a", "arn:bé")         // 5 + 7 bytes
        .build();
    assertEquals(11 + 12 + 15 + 5 + 7, PutEventsLimits.entrySize(entry));
  }

  @Test
  void aSetTimeCountsFourteenBytes() {
    PutEventsRequestEntry untimed = PutEventsRequestEntry.builder().source("s").detailType("d").detail("{}").build();
    PutEventsRequestEntry timed = untimed.toBuilder().time(Instant.parse("2026-12-01T00:00:00Z")).build();
    assertEquals(4, PutEventsLimits.entrySize(untimed));
    assertEquals(4 + 14, PutEventsLimits.entrySize(timed));
  }

  @Test
  void smallItemsGoTenToARequest() {
    List<Integer> items = new ArrayList<>(Collections.nCopies(25, 100));
    List<Batch<Integer>> batches = PutEventsLimits.batches(items, size -> size);
    assertEquals(List.of(10, 10, 5), batches.stream().map(b -> b.items().size()).toList());
    assertTrue(batches.stream().allMatch(Batch::sendable));
  }

  @Test
  void tenItemsOfThirtyKilobytesNeedTwoRequests() {
    List<Integer> items = new ArrayList<>(Collections.nCopies(10, 30 * KB));
    List<Batch<Integer>> batches = PutEventsLimits.batches(items, size -> size);
    // 8 x 30 KB = 240 KB fits; a ninth would make 270 KB.
    assertEquals(List.of(8, 2), batches.stream().map(b -> b.items().size()).toList());
  }

  @Test
  void aRequestMayTotalExactly256Kilobytes() {
    List<Integer> items = List.of(128 * KB, 128 * KB, 1);
    List<Batch<Integer>> batches = PutEventsLimits.batches(items, size -> size);
    assertEquals(List.of(List.of(128 * KB, 128 * KB), List.of(1)), batches.stream().map(Batch::items).toList());
  }

  @Test
  void anItemOverTheLimitAloneIsAnUnsendableBatchOfItsOwnAndOrderIsKept() {
    List<String> items = List.of("a", "b", "huge", "c");
    List<Batch<String>> batches = PutEventsLimits.batches(items, item -> item.equals("huge") ? 256 * KB + 1 : 10);
    assertEquals(List.of(List.of("a", "b"), List.of("huge"), List.of("c")), batches.stream().map(Batch::items).toList());
    assertEquals(List.of(true, false, true), batches.stream().map(Batch::sendable).toList());
  }

  @Test
  void anItemOfExactly256KilobytesIsSendableAlone() {
    List<Batch<Integer>> batches = PutEventsLimits.batches(List.of(1, 256 * KB), size -> size);
    assertEquals(2, batches.size());
    assertTrue(batches.get(1).sendable());
    assertFalse(PutEventsLimits.batches(List.of(256 * KB + 1), size -> size).get(0).sendable());
  }

  @Test
  void nothingToSendIsNoRequest() {
    assertEquals(List.of(), PutEventsLimits.batches(List.<Integer>of(), size -> size));
  }
}

package com.coditect.shared.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * EventBridge's limits on one {@code PutEvents} request: at most {@value #MAX_ENTRIES} entries,
 * whose sizes total at most {@value #MAX_REQUEST_BYTES} bytes (256 KB). A request over either
 * limit is refused as a whole, so the publisher sends only requests within both.
 */
public final class PutEventsLimits {

  public static final int MAX_ENTRIES = 10;
  public static final int MAX_REQUEST_BYTES = 256 * 1024;
  /** What a set {@code Time} counts, whatever the time. */
  private static final int TIME_BYTES = 14;

  private PutEventsLimits() {}

  /**
   * An entry's size as EventBridge counts it ("Calculating PutEvents event entry size"): 14 bytes
   * for {@code Time} when set, plus the UTF-8 bytes of {@code Source}, {@code DetailType},
   * {@code Detail} and each of {@code Resources}. The bus name is not counted.
   */
  public static int entrySize(PutEventsRequestEntry entry) {
    int size = entry.time() != null ? TIME_BYTES : 0;
    size += utf8Bytes(entry.source()) + utf8Bytes(entry.detailType()) + utf8Bytes(entry.detail());
    if (entry.hasResources()) {
      for (String resource : entry.resources()) {
        size += utf8Bytes(resource);
      }
    }
    return size;
  }

  /**
   * Splits {@code items} into consecutive requests within both limits, keeping their order: each
   * request takes as many of the next items as fit. An item too large for any request (over
   * 256 KB alone) becomes a batch of its own that is not sendable.
   */
  public static <T> List<Batch<T>> batches(List<T> items, ToIntFunction<T> size) {
    List<Batch<T>> batches = new ArrayList<>();
    List<T> current = new ArrayList<>();
    int currentBytes = 0;
    for (T item : items) {
      int bytes = size.applyAsInt(item);
      if (bytes > MAX_REQUEST_BYTES) {
        if (!current.isEmpty()) {
          batches.add(new Batch<>(current, true));
          current = new ArrayList<>();
          currentBytes = 0;
        }
        batches.add(new Batch<>(List.of(item), false));
        continue;
      }
      if (current.size() == MAX_ENTRIES || currentBytes + bytes > MAX_REQUEST_BYTES) {
        batches.add(new Batch<>(current, true));
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(item);
      currentBytes += bytes;
    }
    if (!current.isEmpty()) {
      batches.add(new Batch<>(current, true));
    }
    return batches;
  }

  private static int utf8Bytes(String value) {
    return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Items for one request, in their original order; {@code sendable} is false for a lone item
   * that is over the limit by itself.
   */
  public record Batch<T>(List<T> items, boolean sendable) {
    public Batch {
      items = List.copyOf(items);
    }
  }
}

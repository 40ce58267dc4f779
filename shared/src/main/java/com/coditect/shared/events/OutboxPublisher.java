package com.coditect.shared.events;

import com.coditect.shared.log.Log;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts outbox records on the bus in stream order. It stops at the first record the bus does not
 * take and returns it with everything after it, so the caller retries from there: an outage of
 * the bus delays events, never drops or reorders them (a retry may repeat some; consumers are
 * idempotent by event id).
 */
public final class OutboxPublisher {

  private static final Log LOG = Log.forClass(OutboxPublisher.class);
  /** PutEvents takes at most 10 entries per call. */
  private static final int BATCH = 10;

  private final EventBridgeClient events;
  private final String busName;

  public OutboxPublisher(EventBridgeClient events, String busName) {
    this.events = events;
    this.busName = busName;
  }

  /** Publishes in order; returns the records not published (empty when all went through). */
  public List<OutboxRecord> publish(List<OutboxRecord> records) {
    for (int from = 0; from < records.size(); from += BATCH) {
      List<OutboxRecord> batch = records.subList(from, Math.min(records.size(), from + BATCH));
      int firstFailed = putBatch(batch);
      if (firstFailed >= 0) {
        return List.copyOf(records.subList(from + firstFailed, records.size()));
      }
    }
    return List.of();
  }

  /** Index of the first entry the bus refused, or -1 when all were accepted. */
  private int putBatch(List<OutboxRecord> batch) {
    List<PutEventsRequestEntry> entries = new ArrayList<>(batch.size());
    for (OutboxRecord record : batch) {
      entries.add(PutEventsRequestEntry.builder()
          .eventBusName(busName)
          .source(record.source())
          .detailType(record.detailType())
          .detail(record.detail())
          .build());
    }
    PutEventsResponse response;
    try {
      response = events.putEvents(r -> r.entries(entries));
    } catch (SdkException e) {
      LOG.warn("bus unavailable; events will be retried", "error", e.getClass().getSimpleName(),
          "events", batch.size());
      return 0;
    }
    if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
      return -1;
    }
    List<PutEventsResultEntry> results = response.entries();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).errorCode() != null) {
        LOG.warn("bus refused an event; it will be retried", "error_code", results.get(i).errorCode(),
            "event_id", batch.get(i).eventId());
        return i;
      }
    }
    return 0;
  }
}

package com.coditect.shared.events;

import com.coditect.shared.events.BusSender.Sent;
import com.coditect.shared.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Puts the outbox records of a stream batch on the bus, so that no event is ever lost: each one
 * ends up on the bus, parked in full ({@link ParkedEvents}), or left in the stream for the caller
 * to retry.
 *
 * <p>Order: records are sent in stream order, in requests of at most 10 entries and 256 KB; a
 * request goes only once everything before it is on the bus or parked. EventBridge itself does not
 * keep the order of the entries of one request, so consumers never rely on it.
 *
 * <ul>
 *   <li>A record the bus refuses for good (over 256 KB, malformed, invalid) is parked at once, and
 *       the records after it flow on.
 *   <li>When the bus is unavailable (an outage, throttling that outlasts a few tries, no access),
 *       nothing is parked: the first record not on the bus and everything after it are returned
 *       unsent, and the caller retries from there (Lambda: a batch item failure; the local
 *       runtime: its checkpoint), so an outage only delays events. Some records after that one
 *       may already be on the bus (accepted in the same request); the retry sends them again,
 *       and consumers are idempotent by event id.
 *   <li>Only a record about to leave the stream (DynamoDB keeps stream records 24 hours; this one
 *       was written over {@link #EXPIRING_AFTER} ago) is parked when the bus is unavailable, so a
 *       long outage cannot drop it either.
 *   <li>A record that cannot be parked (the table unavailable too) is returned unsent like the
 *       rest: the stream keeps it, and the trigger's DLQ is the last resort.
 * </ul>
 */
public final class OutboxPublisher {

  /** A stream record older than this is parked rather than retried: the stream drops it at 24 hours. */
  public static final Duration EXPIRING_AFTER = Duration.ofHours(20);
  /** Parking reason of a record parked because the bus stayed unavailable until it was about to expire. */
  static final String EXPIRING = "stream_expiry";
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
  private static final Log LOG = Log.forClass(OutboxPublisher.class);

  private final BusSender sender;
  private final ParkedEvents parked;
  private final Clock clock;

  public OutboxPublisher(EventBridgeClient events, String busName, ParkedEvents parked, Clock clock) {
    this(new BusSender(events, busName, RETRY_PAUSE), parked, clock);
  }

  OutboxPublisher(BusSender sender, ParkedEvents parked, Clock clock) {
    this.sender = sender;
    this.parked = parked;
    this.clock = clock;
  }

  /** Publishes {@code records} (in stream order); see the class comment for what becomes of each. */
  public Outcome publish(List<OutboxRecord> records) {
    List<Sent> outcomes = sender.send(records);
    List<OutboxRecord> published = new ArrayList<>();
    List<OutboxRecord> parkedNow = new ArrayList<>();
    int firstUnsent = -1;
    for (int i = 0; i < outcomes.size(); i++) {
      Sent sent = outcomes.get(i);
      if (sent.status() == BusSender.Status.ACCEPTED) {
        published.add(sent.record());
        continue;
      }
      if (firstUnsent >= 0) {
        continue;
      }
      String reason = sent.status() == BusSender.Status.REFUSED ? sent.reason()
          : expiring(sent.record()) ? EXPIRING + ":" + sent.reason() : null;
      if (reason != null && park(sent.record(), reason)) {
        parkedNow.add(sent.record());
      } else {
        firstUnsent = i;
      }
    }
    List<OutboxRecord> unsent = firstUnsent < 0 ? List.of() : List.copyOf(records.subList(firstUnsent, records.size()));
    return new Outcome(published, parkedNow, unsent);
  }

  private boolean expiring(OutboxRecord record) {
    Instant created = record.createdAt();
    return created != null && created.isBefore(clock.instant().minus(EXPIRING_AFTER));
  }

  private boolean park(OutboxRecord record, String reason) {
    try {
      parked.park(record, reason);
      return true;
    } catch (RuntimeException e) {
      // The table is unavailable too, or the item cannot be written: the record stays in the stream.
      LOG.error("event could not be parked; it stays in the stream", e, "event_id", record.eventId(),
          "reason", reason);
      return false;
    }
  }

  /**
   * What became of a batch.
   *
   * @param published the records the bus took (in order; after a failure, also those the same
   *     request took)
   * @param parked the records parked in full
   * @param unsent the records from the first one neither on the bus nor parked to the end of the
   *     batch, which the caller retries; empty when the batch is done
   */
  public record Outcome(List<OutboxRecord> published, List<OutboxRecord> parked, List<OutboxRecord> unsent) {
    public Outcome {
      published = List.copyOf(published);
      parked = List.copyOf(parked);
      unsent = List.copyOf(unsent);
    }
  }
}

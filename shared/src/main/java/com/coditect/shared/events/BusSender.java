package com.coditect.shared.events;

import com.coditect.shared.events.PutEventsLimits.Batch;
import com.coditect.shared.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts events on the bus in requests within EventBridge's limits ({@link PutEventsLimits}) and
 * tells, per event, whether the bus took it, refused it for good, or could not be reached.
 *
 * <p>How a failure is read, from the {@code PutEvents} reference:
 * <ul>
 *   <li>an entry failing with {@code ThrottlingException} or {@code InternalFailure} (retryable) is
 *       sent again alone, up to {@value #ATTEMPTS} times with a short pause; still failing, the bus
 *       counts as unavailable;
 *   <li>an entry failing with {@code InvalidArgument} or {@code MalformedDetail}, an entry over
 *       256 KB, and a lone entry whose request is refused with {@code ValidationException} are
 *       refused for good: sending them again cannot help;
 *   <li>any other failure (the bus missing, no access, a network or service error, an unknown
 *       error code) is not the event's fault: the bus counts as unavailable.
 * </ul>
 * A request refused as a whole with {@code ValidationException} is sent again one entry at a time,
 * so one bad entry does not hold back the others.
 */
final class BusSender {

  /** Sends of one entry that fails with a retryable error code, first one included. */
  static final int ATTEMPTS = 3;

  private static final Log LOG = Log.forClass(BusSender.class);
  private static final Set<String> RETRYABLE = Set.of("ThrottlingException", "InternalFailure");
  private static final Set<String> REFUSED_FOR_GOOD = Set.of("InvalidArgument", "MalformedDetail");
  private static final String VALIDATION = "ValidationException";
  static final String TOO_LARGE = "entry_too_large";
  static final String NOT_TRIED = "not_tried";

  private final EventBridgeClient events;
  private final String busName;
  private final Duration retryPause;

  /** @param retryPause the pause before the second send of a throttled entry (doubled before the third) */
  BusSender(EventBridgeClient events, String busName, Duration retryPause) {
    this.events = events;
    this.busName = busName;
    this.retryPause = retryPause;
  }

  /** What became of one event. */
  enum Status {
    /** The bus took it. */
    ACCEPTED,
    /** The bus refused it for good; {@code reason} says why. */
    REFUSED,
    /** Not on the bus: the bus was unavailable, or the sender stopped before trying it. */
    UNSENT
  }

  /** The outcome for one event; {@code reason} is an error code, or null when accepted. */
  record Sent(OutboxRecord record, Status status, String reason) {}

  /**
   * Sends {@code records} in order, request after request, and returns one outcome per record, in
   * the same order. It stops at the first event it could not send for want of the bus: that event
   * and every event not tried yet are {@link Status#UNSENT} (events the bus already took in the
   * same request stay {@link Status#ACCEPTED}).
   */
  List<Sent> send(List<OutboxRecord> records) {
    List<Pending> pending = new ArrayList<>(records.size());
    for (OutboxRecord record : records) {
      pending.add(new Pending(record, PutEventsRequestEntry.builder()
          .eventBusName(busName)
          .source(record.source())
          .detailType(record.detailType())
          .detail(record.detail())
          .build()));
    }
    List<Sent> outcomes = new ArrayList<>(records.size());
    boolean stopped = false;
    for (Batch<Pending> batch : PutEventsLimits.batches(pending, p -> PutEventsLimits.entrySize(p.entry()))) {
      if (stopped) {
        batch.items().forEach(p -> outcomes.add(new Sent(p.record(), Status.UNSENT, NOT_TRIED)));
      } else if (!batch.sendable()) {
        outcomes.add(new Sent(batch.items().get(0).record(), Status.REFUSED, TOO_LARGE));
      } else {
        stopped = sendBatch(batch.items(), outcomes);
      }
    }
    return outcomes;
  }

  /** Adds an outcome per entry of the batch; returns true when the bus is unavailable (stop). */
  private boolean sendBatch(List<Pending> batch, List<Sent> outcomes) {
    PutEventsResponse response;
    try {
      response = put(batch);
    } catch (AwsServiceException e) {
      if (VALIDATION.equals(errorCode(e)) && batch.size() > 1) {
        return sendOneByOne(batch, outcomes);
      }
      if (VALIDATION.equals(errorCode(e))) {
        outcomes.add(new Sent(batch.get(0).record(), Status.REFUSED, VALIDATION));
        return false;
      }
      return unavailable(batch, outcomes, errorCode(e));
    } catch (SdkException e) {
      return unavailable(batch, outcomes, e.getClass().getSimpleName());
    }
    List<PutEventsResultEntry> results = response.entries();
    if (results.size() != batch.size()) {
      // EventBridge answers one result per entry, in order; anything else cannot be trusted.
      return unavailable(batch, outcomes, "unexpected_response");
    }
    boolean stopped = false;
    for (int i = 0; i < batch.size(); i++) {
      Pending entry = batch.get(i);
      String code = results.get(i).errorCode();
      if (code == null) {
        outcomes.add(new Sent(entry.record(), Status.ACCEPTED, null));
      } else if (stopped) {
        outcomes.add(new Sent(entry.record(), Status.UNSENT, NOT_TRIED));
      } else if (REFUSED_FOR_GOOD.contains(code)) {
        outcomes.add(new Sent(entry.record(), Status.REFUSED, code));
      } else if (RETRYABLE.contains(code)) {
        Sent alone = sendAlone(entry);
        outcomes.add(alone);
        stopped = alone.status() == Status.UNSENT;
      } else {
        LOG.warn("the bus did not take an event; it stays in the stream", "error_code", code,
            "event_id", entry.record().eventId());
        outcomes.add(new Sent(entry.record(), Status.UNSENT, code));
        stopped = true;
      }
    }
    return stopped;
  }

  /** After a request refused as a whole: each entry alone, in order, until the bus is unavailable. */
  private boolean sendOneByOne(List<Pending> batch, List<Sent> outcomes) {
    for (int i = 0; i < batch.size(); i++) {
      Sent alone = sendAlone(batch.get(i));
      outcomes.add(alone);
      if (alone.status() == Status.UNSENT) {
        batch.subList(i + 1, batch.size()).forEach(p -> outcomes.add(new Sent(p.record(), Status.UNSENT, NOT_TRIED)));
        return true;
      }
    }
    return false;
  }

  private Sent sendAlone(Pending entry) {
    String code = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause(retryPause.multipliedBy(1L << (attempt - 2)));
      }
      List<PutEventsResultEntry> results;
      try {
        results = put(List.of(entry)).entries();
      } catch (AwsServiceException e) {
        code = errorCode(e);
        return VALIDATION.equals(code) ? new Sent(entry.record(), Status.REFUSED, code)
            : new Sent(entry.record(), Status.UNSENT, code);
      } catch (SdkException e) {
        return new Sent(entry.record(), Status.UNSENT, e.getClass().getSimpleName());
      }
      if (results.size() != 1) {
        return new Sent(entry.record(), Status.UNSENT, "unexpected_response");
      }
      code = results.get(0).errorCode();
      if (code == null) {
        return new Sent(entry.record(), Status.ACCEPTED, null);
      }
      if (!RETRYABLE.contains(code)) {
        return new Sent(entry.record(), REFUSED_FOR_GOOD.contains(code) ? Status.REFUSED : Status.UNSENT, code);
      }
    }
    LOG.warn("the bus kept refusing an event for now; it stays in the stream", "error_code", code,
        "event_id", entry.record().eventId(), "attempts", ATTEMPTS);
    return new Sent(entry.record(), Status.UNSENT, code);
  }

  private boolean unavailable(List<Pending> batch, List<Sent> outcomes, String reason) {
    LOG.warn("bus unavailable; events stay in the stream", "error", reason, "events", batch.size());
    batch.forEach(p -> outcomes.add(new Sent(p.record(), Status.UNSENT, reason)));
    return true;
  }

  private PutEventsResponse put(List<Pending> batch) {
    return events.putEvents(r -> r.entries(batch.stream().map(Pending::entry).toList()));
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
  }

  private static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Pending(OutboxRecord record, PutEventsRequestEntry entry) {}
}

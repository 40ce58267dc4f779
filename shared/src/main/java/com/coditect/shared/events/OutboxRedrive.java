package com.coditect.shared.events;

import com.coditect.shared.events.BusSender.Sent;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.ParkedEventRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Puts parked events back on the bus, oldest first, once the cause is gone (the bus is back, a
 * bad event was corrected), with the publisher's size batching. A parked item is removed only
 * after the bus took its event; an event the bus still refuses stays parked, and an unavailable
 * bus ends the redrive with everything still parked.
 */
public final class OutboxRedrive {

  /** Parked events read per Query. */
  static final int PAGE_SIZE = 100;
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
  private static final Log LOG = Log.forClass(OutboxRedrive.class);

  private final BusSender sender;
  private final ParkedEvents parked;

  public OutboxRedrive(EventBridgeClient events, String busName, ParkedEvents parked) {
    this(new BusSender(events, busName, RETRY_PAUSE), parked);
  }

  OutboxRedrive(BusSender sender, ParkedEvents parked) {
    this.sender = sender;
    this.parked = parked;
  }

  /**
   * Redrives up to {@code maxEvents} parked events (more may be looked at: a page is handled whole).
   * A parked event that stays parked is not looked at twice in one redrive.
   */
  public Result redrive(int maxEvents) {
    List<OutboxRecord> redriven = new ArrayList<>();
    List<OutboxRecord> stillParked = new ArrayList<>();
    ParkedEventRepository.PageStart next = null;
    boolean busUnavailable = false;
    do {
      ParkedEventRepository.Page page = parked.page(PAGE_SIZE, next);
      next = page.next();
      for (Sent sent : sender.send(page.events())) {
        if (sent.status() == BusSender.Status.ACCEPTED) {
          // Removed right after the bus took it; were the delete to fail, a later redrive would
          // send the event again, which consumers ignore by its id.
          parked.remove(sent.record());
          redriven.add(sent.record());
        } else {
          stillParked.add(sent.record());
          busUnavailable |= sent.status() == BusSender.Status.UNSENT;
          LOG.warn("parked event stays parked", "event_id", sent.record().eventId(), "reason", sent.reason());
        }
      }
    } while (next != null && !busUnavailable && redriven.size() + stillParked.size() < maxEvents);
    boolean more = next != null;
    LOG.info("redrive done", "redriven", redriven.size(), "still_parked", stillParked.size(), "more", more);
    return new Result(redriven, stillParked, more);
  }

  /**
   * What a redrive did.
   *
   * @param redriven the events now on the bus (their parked items removed)
   * @param stillParked the events looked at that stay parked
   * @param more whether parked events remain that this redrive did not look at
   */
  public record Result(List<OutboxRecord> redriven, List<OutboxRecord> stillParked, boolean more) {
    public Result {
      redriven = List.copyOf(redriven);
      stillParked = List.copyOf(stillParked);
    }
  }
}

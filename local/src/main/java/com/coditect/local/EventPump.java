package com.coditect.local;

import com.coditect.shared.events.OutboxRedrive;
import com.coditect.shared.events.StreamFollower;
import com.coditect.shared.log.Log;

/**
 * Plays the stream trigger and EventBridge's rule targets: follows the table's stream with the
 * same publisher code the Lambda runs (what the bus refuses is parked, what it cannot take yet is
 * read again), then routes what the bus accepted to rule targets. It also plays the operator's
 * redrive of parked events ({@code POST /local/outbox/redrive}).
 */
final class EventPump implements AutoCloseable {

  private static final Log LOG = Log.forClass(EventPump.class);
  private static final long PAUSE_MILLIS = 200;

  /** Parked events looked at per redrive; a client asks again while the answer says {@code more}. */
  static final int REDRIVE_MAX_EVENTS = 1000;

  private final StreamFollower follower;
  private final OutboxRedrive redrive;
  private final RuleDispatcher dispatcher;
  private final Thread thread;
  private volatile boolean running = true;

  EventPump(StreamFollower follower, OutboxRedrive redrive, RuleDispatcher dispatcher) {
    this.follower = follower;
    this.redrive = redrive;
    this.dispatcher = dispatcher;
    this.thread = new Thread(this::run, "local-event-pump");
    thread.setDaemon(true);
  }

  void start() {
    follower.startAtLatest();
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        follower.poll();
        dispatcher.deliverPending();
      } catch (RuntimeException e) {
        // moto restarting or a bus outage: keep the checkpoint and try again.
        LOG.warn("event pump will retry", "error", e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Puts parked events back on the bus, as the operator's {@code OutboxRedriveFunction} does, and
   * routes those the bus took to their rule targets (moto cannot invoke them).
   */
  OutboxRedrive.Result redriveParked() {
    OutboxRedrive.Result result = redrive.redrive(REDRIVE_MAX_EVENTS);
    dispatcher.dispatch(result.redriven());
    return result;
  }

  /** Lets the current poll finish (a publish is never cut off mid-way), then stops. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

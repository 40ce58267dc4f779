package com.coditect.local;

import com.coditect.shared.events.StreamFollower;
import com.coditect.shared.log.Log;

/**
 * Plays the stream trigger and EventBridge's rule targets: follows the table's stream with the
 * same publisher code the Lambda runs, then routes what the bus accepted to rule targets.
 */
final class EventPump implements AutoCloseable {

  private static final Log LOG = Log.forClass(EventPump.class);
  private static final long PAUSE_MILLIS = 200;

  private final StreamFollower follower;
  private final RuleDispatcher dispatcher;
  private final Thread thread;
  private volatile boolean running = true;

  EventPump(StreamFollower follower, RuleDispatcher dispatcher) {
    this.follower = follower;
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

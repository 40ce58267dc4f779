package com.coditect.workflows.domain;

import com.coditect.shared.error.ConflictException;
import com.coditect.shared.log.Log;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.WorkflowStatsItem;
import com.coditect.workflows.data.WorkflowStatsRepository.Slot;
import com.coditect.workflows.data.WorkflowStatsRepository;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Keeps a workflow's analysis aggregates from its step, execution and approval events
 * ({@link StatsEvent} says what each adds), never by reading executions. Each event is added
 * exactly once: its mark and the two aggregates it changes (its version's day and all versions'
 * day) are one transaction, the mark created only if absent and each aggregate written only at the
 * version read. A redelivered event finds its mark and adds nothing; a concurrent event of the
 * same day makes the write stale, and it reads again and retries.
 */
@Singleton
public final class WorkflowStats {

  private static final Log LOG = Log.forClass(WorkflowStats.class);
  /** Attempts in all; each re-reads what the concurrent writer wrote, so a handful suffices. */
  static final int MAX_ATTEMPTS = 8;

  private final WorkflowStatsRepository stats;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  public WorkflowStats(WorkflowStatsRepository stats, Transactions transactions, Clock clock) {
    this.stats = stats;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Adds the event to the tenant's aggregates; false if it counts for nothing or was counted already. */
  public boolean count(TenantId tenant, String detailType, JsonNode detail) {
    Optional<StatsEvent> read = StatsEvent.of(detailType, detail);
    if (read.isEmpty()) {
      LOG.warn("event not counted: it lacks what the analysis needs", "detail_type", detailType);
      return false;
    }
    StatsEvent event = read.get();
    for (int attempt = 1; ; attempt++) {
      try {
        add(tenant, event);
        return true;
      } catch (AlreadyCounted counted) {
        LOG.info("event already counted", "detail_type", detailType);
        return false;
      } catch (StaleAggregate | ConflictException stale) {
        if (attempt == MAX_ATTEMPTS) {
          // Thrown, so the bus delivers the event again later (and finally to the DLQ).
          throw new IllegalStateException("the analysis aggregates of one day kept changing under "
              + MAX_ATTEMPTS + " attempts", stale);
        }
      }
    }
  }

  private void add(TenantId tenant, StatsEvent event) {
    List<Slot> slots = new ArrayList<>();
    if (event.workflowVersion() != null) {
      slots.add(slot(event, event.workflowVersion()));
    }
    slots.add(slot(event, null));
    Map<Slot, WorkflowStatsItem> found = stats.read(tenant, slots);
    String now = Timestamps.now(clock);
    WriteTransaction tx = transactions.begin();
    stats.markCounted(tx, tenant, event.eventId(), clock.instant().getEpochSecond(), now, AlreadyCounted::new);
    for (Slot slot : slots) {
      WorkflowStatsItem read = found.get(slot);
      WorkflowStatsItem base = read != null ? read.nextVersion(now)
          : WorkflowStatsRepository.empty(tenant, slot, event.nodeType(), now);
      stats.save(tx, added(base, event), read == null ? null : read.version(), StaleAggregate::new);
    }
    tx.commit();
  }

  /** {@code item} with the event's counts and samples added. */
  static WorkflowStatsItem added(WorkflowStatsItem item, StatsEvent event) {
    StatsEvent.Tally tally = event.tally();
    WorkflowStatsItem next = item
        .withRuns(item.runs() + tally.runs())
        .withFailures(item.failures() + tally.failures())
        .withRetries(item.retries() + tally.retries())
        .withStarted(item.started() + tally.started())
        .withCompleted(item.completed() + tally.completed())
        .withFailed(item.failed() + tally.failed())
        .withCancelled(item.cancelled() + tally.cancelled())
        .withApproved(item.approved() + tally.approved())
        .withRejected(item.rejected() + tally.rejected())
        .withExpired(item.expired() + tally.expired());
    if (event.nodeType() != null) {
      next = next.withNodeType(event.nodeType());
    }
    if (event.nodeName() != null) {
      next = next.withNodeName(event.nodeName());
    }
    if (tally.durationMillis() != null) {
      next = next.withDurations(Sketch.of(item.durations()).record(tally.durationMillis()).toBytes());
    }
    if (tally.waitMillis() != null) {
      next = next.withWaits(Sketch.of(item.waits()).record(tally.waitMillis()).toBytes());
    }
    return next;
  }

  private static Slot slot(StatsEvent event, Long version) {
    return new Slot(event.workflowId(), version, event.day(), event.scope(), event.subject());
  }

  /** The event's mark exists: it was counted before. */
  static final class AlreadyCounted extends RuntimeException {
    AlreadyCounted() {
      super(null, null, false, false);
    }
  }

  /** An aggregate changed since it was read. */
  static final class StaleAggregate extends RuntimeException {
    StaleAggregate() {
      super(null, null, false, false);
    }
  }
}

package com.coditect.local;

import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.log.Log;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * EventBridge Scheduler, played locally: moto stores the schedules the functions make
 * (CreateSchedule, DeleteSchedule) but never fires them. About once a second this lists the
 * schedule group (ListSchedules, plus GetSchedule for a schedule it has not seen in its present
 * form), fires what is due ({@link DueSchedules}) by putting the target's {@code Input} as detail,
 * with its EventBridgeParameters' source and detail type, on the local bus, so the template's rules
 * deliver it, and deletes a one-time schedule that fired if it asked for that
 * ({@code ActionAfterCompletion: DELETE}).
 */
final class LocalScheduler implements AutoCloseable {

  private static final Log LOG = Log.forClass(LocalScheduler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PAUSE_MILLIS = 1_000;

  private final SchedulerClient scheduler;
  private final String group;
  private final RuleDispatcher bus;
  private final Clock clock;
  private final DueSchedules due = new DueSchedules();
  /** The schedules read with GetSchedule, by name, while their last modification stays the same. */
  private final Map<String, Read> read = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private record Read(Instant modified, GetScheduleResponse schedule) {}

  LocalScheduler(SchedulerClient scheduler, String group, RuleDispatcher bus, Clock clock) {
    this.scheduler = scheduler;
    this.group = group;
    this.bus = bus;
    this.clock = clock;
    this.thread = new Thread(this::run, "local-scheduler");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Fires what is due at {@code now}; returns the names fired. One poll at a time. */
  synchronized List<String> poll(Instant now) {
    Map<String, GetScheduleResponse> current = new HashMap<>();
    for (ScheduleSummary summary : scheduler.listSchedulesPaginator(b -> b.groupName(group)).schedules()) {
      Instant modified = summary.lastModificationDate();
      Read known = read.get(summary.name());
      if (known == null || !known.modified().equals(modified)) {
        try {
          known = new Read(modified, scheduler.getSchedule(b -> b.groupName(group).name(summary.name())));
        } catch (ResourceNotFoundException gone) {
          continue;
        }
        read.put(summary.name(), known);
      }
      current.put(summary.name(), known.schedule());
    }
    read.keySet().retainAll(current.keySet());
    List<DueSchedules.Spec> specs = new ArrayList<>();
    current.values().forEach(schedule -> specs.add(new DueSchedules.Spec(schedule.name(), schedule.scheduleExpression(),
        schedule.creationDate(), schedule.state() != ScheduleState.DISABLED)));
    List<String> fired = new ArrayList<>();
    for (DueSchedules.Spec spec : due.due(specs, now)) {
      GetScheduleResponse schedule = current.get(spec.name());
      fire(schedule, now);
      fired.add(spec.name());
      if (spec.isOneTime() && schedule.actionAfterCompletion() == ActionAfterCompletion.DELETE) {
        try {
          scheduler.deleteSchedule(b -> b.groupName(group).name(spec.name()));
        } catch (ResourceNotFoundException gone) {
          // deleted meanwhile by its owner: what was asked for holds
        }
      }
    }
    return fired;
  }

  private void fire(GetScheduleResponse schedule, Instant now) {
    var target = schedule.target();
    var parameters = target.eventBridgeParameters();
    if (parameters == null) {
      LOG.warn("schedule has no EventBridge target; not fired", "schedule", schedule.name());
      return;
    }
    String input = target.input() == null ? "{}" : target.input();
    String tenantId;
    try {
      JsonNode detail = JSON.readTree(input);
      tenantId = detail.path("tenant_id").asText(null);
    } catch (Exception e) {
      LOG.warn("schedule input is not JSON; not fired", "schedule", schedule.name());
      return;
    }
    bus.dispatch(List.of(new OutboxRecord(null, now, tenantId, UUID.randomUUID().toString(), parameters.source(),
        parameters.detailType(), input)));
    LOG.info("schedule fired", "schedule", schedule.name(), "detail_type", parameters.detailType());
  }

  private void run() {
    while (running) {
      try {
        poll(clock.instant());
      } catch (RuntimeException e) {
        if (!running) {
          return; // closed mid-poll: the interrupted call's failure is no news
        }
        // moto restarting: try again on the next tick.
        LOG.warn("local scheduler will retry", "error", e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
